package org.hazardwatch.integration.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.DestinationFactoryManager;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.hazardwatch.api.auth.AuthService;
import org.hazardwatch.api.integration.LocalSystemIntake;
import org.hazardwatch.api.security.AccessControl;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/** Serves the SOAP service at {@value #PATTERN}: the endpoint at /soap/integration, its WSDL at /soap/integration?wsdl. */
@Component(immediate = true)
public class SoapComponent {

    static final String PATTERN = "/soap/*";
    static final String ADDRESS = "/integration";

    private final ServiceRegistration<Servlet> registration;

    @Activate
    public SoapComponent(BundleContext context, @Reference LocalSystemIntake intake, @Reference AuthService auth,
            @Reference AccessControl access) {
        IntegrationEndpoint endpoint = new IntegrationEndpoint(intake, auth, access);
        // a registry of its own: in Karaf, CXF's HTTP transport shares one registry of endpoints between all buses, and
        // the REST servlet would then answer /api/integration/... with this SOAP endpoint (longest address prefix)
        DestinationRegistry registry = new DestinationRegistryImpl();
        CXFNonSpringServlet cxf = new CXFNonSpringServlet(registry, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void loadBus(ServletConfig config) {
                super.loadBus(config);
                JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
                // this bus's HTTP destinations go to the private registry; the SOAP transport still wraps them (soap:address)
                HTTPTransportFactory http = new HTTPTransportFactory(registry);
                getBus().setExtension(http, HTTPTransportFactory.class);
                DestinationFactoryManager destinations = getBus().getExtension(DestinationFactoryManager.class);
                for (String transport : http.getTransportIds()) {
                    destinations.registerDestinationFactory(transport, http);
                }
                factory.setBus(getBus());
                factory.setServiceClass(IntegrationEndpoint.class);
                factory.setServiceBean(endpoint);
                factory.setAddress(ADDRESS);
                factory.create();
            }
        };
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, PATTERN);
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "hazardwatch-soap");
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_INIT_PARAM_PREFIX + "hide-service-list-page", "true");
        registration = context.registerService(Servlet.class, new BundleClassLoaderServlet(cxf), properties);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping
        }
    }

    /** CXF builds its bus, JAXB contexts and WSDL with the thread's context class loader: this bundle's, not Jetty's. */
    static final class BundleClassLoaderServlet implements Servlet {
        private final Servlet delegate;

        BundleClassLoaderServlet(Servlet delegate) {
            this.delegate = delegate;
        }

        private interface Work {
            void run() throws ServletException, IOException;
        }

        private void withBundleLoader(Work work) throws ServletException, IOException {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(SoapComponent.class.getClassLoader());
            try {
                work.run();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        @Override
        public void init(ServletConfig config) throws ServletException {
            try {
                withBundleLoader(() -> delegate.init(config));
            } catch (IOException e) {
                throw new ServletException(e);
            }
        }

        @Override
        public ServletConfig getServletConfig() {
            return delegate.getServletConfig();
        }

        @Override
        public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
            withBundleLoader(() -> delegate.service(request, response));
        }

        @Override
        public String getServletInfo() {
            return "HazardWatch SOAP integration";
        }

        @Override
        public void destroy() {
            delegate.destroy();
        }
    }
}
