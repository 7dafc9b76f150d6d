package org.hazardwatch.webapp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Serves the built single-page app from this bundle. */
public class WebappServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /**
     * blob: for images and frames only: the pages preview uploaded photos and PDFs they fetched with the session's token
     * (a plain URL would go without it); scripts and connections stay same-origin.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private final transient ClassLoader resources;

    public WebappServlet(ClassLoader resources) {
        this.resources = resources;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? request.getServletPath() : request.getServletPath() + request.getPathInfo();
        String resource = StaticFiles.resourceFor(path);
        URL url = resource == null ? null : resources.getResource(resource);
        if (url == null || resource.endsWith("/")) {
            response.setContentType("text/plain; charset=UTF-8");
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "not found");
            return;
        }
        response.setContentType(StaticFiles.contentType(resource));
        response.setHeader("Cache-Control", StaticFiles.cacheControl(resource));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        try (InputStream in = url.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
