package org.hazardwatch.routes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.hazardwatch.api.routes.RouteFileStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteFileDeployerTest {

    @TempDir
    Path folder;

    DefaultCamelContext context;
    RouteFileDeployer deployer;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
        deployer = new RouteFileDeployer(context, folder);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    static String yamlRoute(String id) {
        return """
                - route:
                    id: %s
                    from:
                      uri: timer:%s?period=100
                      steps:
                        - setBody:
                            constant: hello
                        - to: log:%s?level=DEBUG
                """.formatted(id, id, id);
    }

    private void write(String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, content);
        // make every write visible to the (mtime, size) change check even within one clock tick
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusMillis(System.nanoTime() % 1000)));
    }

    @Test
    void yamlAndXmlFilesDeployReloadAndUndeploy() throws Exception {
        write("a.yaml", yamlRoute("file-a"));
        write("b.xml", """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                  <route id="file-b">
                    <from uri="timer:b?period=100"/>
                    <to uri="log:b?level=DEBUG"/>
                  </route>
                </routes>
                """);
        write("notes.txt", "ignored");
        assertTrue(deployer.scan());
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("file-a"));
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("file-b"));
        assertEquals(2, context.getRoutes().size());
        assertFalse(deployer.scan(), "nothing changed");

        write("a.yaml", yamlRoute("file-a2"));
        assertTrue(deployer.scan());
        assertNull(context.getRoute("file-a"), "old route of the edited file removed");
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("file-a2"));

        Files.delete(folder.resolve("b.xml"));
        assertTrue(deployer.scan());
        assertNull(context.getRoute("file-b"));
        assertEquals(List.of("file-a2"), context.getRoutes().stream().map(r -> r.getRouteId()).toList());
        assertEquals("a.yaml", deployer.sourcesByRoute().get("file-a2"));
    }

    @Test
    void aBrokenFileLeavesNoRoutesAndDoesNotDisturbTheOthers() throws Exception {
        write("good.yaml", yamlRoute("good"));
        write("broken.yaml", "- route:\n    from:\n      uri: nosuchcomponent:x\n");
        write("garbage.xml", "<routes><route");
        deployer.scan();
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("good"));
        assertEquals(1, context.getRoutes().size());
        List<RouteFileStatus> status = deployer.status();
        RouteFileStatus broken = status.stream().filter(s -> s.file().equals("broken.yaml")).findFirst().orElseThrow();
        assertNotNull(broken.error());
        assertTrue(broken.routeIds().isEmpty());
        assertNotNull(status.stream().filter(s -> s.file().equals("garbage.xml")).findFirst().orElseThrow().error());

        write("broken.yaml", yamlRoute("fixed"));
        deployer.scan();
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("fixed"));
        assertNull(deployer.status().stream().filter(s -> s.file().equals("broken.yaml")).findFirst().orElseThrow().error());
    }
}
