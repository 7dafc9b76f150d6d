package org.hazardwatch.api.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that awaits the people of an organisation.
 *
 * @param kind what happened, e.g. {@code task.issued}, {@code task.reported}, {@code task.due}, {@code task.overdue}
 * @param organisation the code of the organisation whose people it is for (region code, park code or USCC); a gateway
 *        maps it to its addresses
 * @param title one line, in Chinese, for an SMS or a subject
 * @param text more, or null
 * @param link the web app's path to it, e.g. {@code /tasks/<id>}
 */
public record Notification(String kind, String organisation, String title, String text, String link, Instant at) {

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(at, "at");
    }
}
