package org.hazardwatch.api.notify;

/**
 * A gateway that passes notifications on (e-mail, SMS, ...). Register an implementation as an OSGi service; every
 * registered notifier gets every notification. Called outside any database transaction; a failure is logged and does
 * not undo what happened.
 */
public interface Notifier {

    /** The gateway's name, for the log. */
    String name();

    void send(Notification notification) throws Exception;
}
