package org.hazardwatch.webapp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StaticFilesTest {

    @Test
    void pathsMapIntoTheWebRootOnly() {
        assertEquals("webapp-dist/index.html", StaticFiles.resourceFor("/"));
        assertEquals("webapp-dist/index.html", StaticFiles.resourceFor(null));
        assertEquals("webapp-dist/assets/app-1a2b.js", StaticFiles.resourceFor("/assets/app-1a2b.js"));
        assertNull(StaticFiles.resourceFor("/../META-INF/MANIFEST.MF"));
        assertNull(StaticFiles.resourceFor("/assets/..%2f..")); // still contains ".."
        assertNull(StaticFiles.resourceFor("//etc/passwd"));
        assertNull(StaticFiles.resourceFor("/a\\b"));
    }

    @Test
    void typesAndCaching() {
        assertEquals("text/javascript; charset=UTF-8", StaticFiles.contentType("webapp-dist/assets/x.JS"));
        assertEquals("application/octet-stream", StaticFiles.contentType("webapp-dist/x"));
        assertEquals("public, max-age=31536000, immutable", StaticFiles.cacheControl("webapp-dist/assets/x.js"));
        assertEquals("no-cache", StaticFiles.cacheControl("webapp-dist/index.html"));
    }
}
