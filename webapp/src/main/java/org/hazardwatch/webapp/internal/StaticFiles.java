package org.hazardwatch.webapp.internal;

import java.util.Locale;
import java.util.Map;

/** Path safety, content types and caching rules for the built web app. */
final class StaticFiles {

    static final String ROOT = "webapp-dist";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=UTF-8"), Map.entry("js", "text/javascript; charset=UTF-8"),
            Map.entry("mjs", "text/javascript; charset=UTF-8"), Map.entry("css", "text/css; charset=UTF-8"),
            Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"), Map.entry("map", "application/json"), Map.entry("txt", "text/plain; charset=UTF-8"));

    private StaticFiles() {
    }

    /** The bundle entry for a request path, or null when the path tries to leave the web root or is not a file name. */
    static String resourceFor(String requestPath) {
        String path = requestPath == null || requestPath.isEmpty() || requestPath.equals("/") ? "/index.html" : requestPath;
        if (path.contains("..") || path.contains("\\") || path.contains("\0") || path.contains("//")) {
            return null;
        }
        if (path.endsWith("/")) {
            path = path + "index.html";
        }
        return ROOT + path;
    }

    static String contentType(String resource) {
        int dot = resource.lastIndexOf('.');
        String extension = dot < 0 ? "" : resource.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /** Vite puts content-hashed files under assets/: cache them for a year; always revalidate the rest. */
    static String cacheControl(String resource) {
        return resource.startsWith(ROOT + "/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    }
}
