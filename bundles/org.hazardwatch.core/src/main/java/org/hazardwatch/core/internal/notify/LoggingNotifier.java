package org.hazardwatch.core.internal.notify;

import org.hazardwatch.api.notify.Notification;
import org.hazardwatch.api.notify.Notifier;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification gateway every node has: it writes each notification to the log (logger
 * {@code org.hazardwatch.notify}), so operators see what would go out. E-mail and SMS gateways are bundles that
 * register their own {@link Notifier}; nothing leaves the node by default.
 */
@Component(service = Notifier.class)
public class LoggingNotifier implements Notifier {

    private final Logger logger = LoggerFactory.getLogger("org.hazardwatch.notify");

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void send(Notification n) {
        logger.info("[{}] for {}: {}{} ({})", n.kind(), n.organisation(), n.title(), n.text() == null ? "" : " / " + n.text(), n.link());
    }
}
