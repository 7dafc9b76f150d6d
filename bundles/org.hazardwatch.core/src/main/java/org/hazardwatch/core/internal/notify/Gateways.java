package org.hazardwatch.core.internal.notify;

import java.time.Instant;
import java.util.List;

import org.hazardwatch.api.notify.Notification;
import org.hazardwatch.api.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands a notification to every gateway; a failing one is logged and does not undo the step that caused it. */
public final class Gateways {

    private static final Logger LOGGER = LoggerFactory.getLogger(Gateways.class);

    private Gateways() {
    }

    public static void send(List<Notifier> notifiers, String kind, String organisation, String title, String text, String link, Instant at) {
        Notification n = new Notification(kind, organisation, title, text, link, at);
        for (Notifier notifier : notifiers) {
            try {
                notifier.send(n);
            } catch (Exception e) {
                LOGGER.warn("Notifier {} failed for {} of {}: {}", notifier.name(), kind, organisation, e.toString());
            }
        }
    }
}
