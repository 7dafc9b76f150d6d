package org.hazardwatch.webapp.internal;

import java.util.Dictionary;
import java.util.Hashtable;

import javax.servlet.Servlet;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/** Registers the web app at {@code /} on the HTTP whiteboard; the REST API's more specific /api/* wins over it. */
@Component(immediate = true)
public class WebappComponent {

    private final ServiceRegistration<Servlet> registration;

    @Activate
    public WebappComponent(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, "/*");
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "hazardwatch-webapp");
        registration = context.registerService(Servlet.class, new WebappServlet(WebappComponent.class.getClassLoader()), properties);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // unregistered while the bundle stopped
        }
    }
}
