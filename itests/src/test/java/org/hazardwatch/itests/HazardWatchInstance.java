package org.hazardwatch.itests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A HazardWatch instance of the built distribution, run the way ops run it: with {@code ./hazardwatch start|shell|stop}
 * and its own instance directory and free ports, so tests never collide with a running demo.
 */
public final class HazardWatchInstance implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "itest-Admin-2026";
    static final ObjectMapper JSON = new ObjectMapper();

    public final Path root = Path.of(System.getProperty("hazardwatch.root", "..")).toAbsolutePath().normalize();
    public final Path home;
    public final int httpPort;
    public final int sshPort;
    public final int opcuaPort;
    public final int modbusPort;
    public final int brokerPort;
    private final Map<String, String> environment = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private String password = ADMIN_PASSWORD;

    public HazardWatchInstance(String name, Map<String, String> extraEnvironment) throws IOException {
        home = root.resolve("itests/target/instances/" + name);
        deleteRecursively(home);
        httpPort = freePort();
        sshPort = freePort();
        opcuaPort = freePort();
        modbusPort = freePort();
        environment.put("HAZARDWATCH_HOME", home.toString());
        environment.put("HAZARDWATCH_HTTP_PORT", String.valueOf(httpPort));
        environment.put("HAZARDWATCH_SSH_PORT", String.valueOf(sshPort));
        environment.put("HAZARDWATCH_OPCUA_PORT", String.valueOf(opcuaPort));
        environment.put("HAZARDWATCH_MODBUS_PORT", String.valueOf(modbusPort));
        brokerPort = freePort();
        environment.put("HAZARDWATCH_BROKER_PORT", String.valueOf(brokerPort));
        environment.put("HAZARDWATCH_RMI_REGISTRY_PORT", String.valueOf(freePort()));
        environment.put("HAZARDWATCH_RMI_SERVER_PORT", String.valueOf(freePort()));
        environment.put("HAZARDWATCH_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("HAZARDWATCH_NO_BUILD", "1");
        environment.put("JAVA_MAX_MEM", "768M");
        environment.putAll(extraEnvironment);
    }

    private static final java.util.Random PORTS = new java.util.Random();
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A free port below the ephemeral range (32768 and up on Linux). A port is chosen here but bound only later by the
     * instance; an ephemeral one could meanwhile be taken by any outgoing connection or by Karaf's own random shutdown
     * port, which once left the simulator unable to bind its OPC UA port.
     */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20000 + PORTS.nextInt(12000);
            if (HANDED_OUT.contains(port)) {
                continue; // free now, but promised to another instance of this run
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                HANDED_OUT.add(port);
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 32000 after 200 attempts");
    }

    /** Runs ./hazardwatch with the instance's environment; returns its output, failing on a non-zero exit. */
    public String launcher(String... arguments) throws Exception {
        return launcher(true, arguments);
    }

    private String launcher(boolean requireSuccess, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("hazardwatch").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./hazardwatch " + String.join(" ", arguments) + " timed out:\n" + output);
        }
        if (requireSuccess && process.exitValue() != 0) {
            throw new AssertionError("./hazardwatch " + String.join(" ", arguments) + " exited " + process.exitValue() + ":\n" + output);
        }
        return output;
    }

    public long start() throws Exception {
        long begin = System.nanoTime();
        launcher("start");
        return (System.nanoTime() - begin) / 1_000_000;
    }

    public String shell(String command) throws Exception {
        return launcher("shell", command);
    }

    /** A shell command that is expected to fail: its output, whatever the exit code. */
    public String failingShell(String command) throws Exception {
        return launcher(false, "shell", command);
    }

    @Override
    public void close() throws Exception {
        launcher("stop");
    }

    /** The process id of this instance's Karaf JVM (not of a shell whose command line merely mentions it). */
    public long karafPid() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains("-Dkaraf.base=" + home)).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElseThrow(() -> new AssertionError("no Karaf JVM for " + home));
    }

    /** Kills the Karaf JVM at once (SIGKILL), as a power cut or crash would end it. */
    public void kill() throws InterruptedException {
        ProcessHandle process = ProcessHandle.of(karafPid()).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
    }

    public String log() throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    public HttpResponse<String> request(String method, String path, String body, boolean authenticated) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20));
        if (authenticated) {
            builder.header("Authorization", "Bearer " + token());
        }
        if (body != null) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request with a raw body (a file upload, say) whose answer is read as bytes. */
    public HttpResponse<byte[]> requestBytes(String method, String path, byte[] body, String contentType) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token());
        if (body != null) {
            builder.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = request("GET", path, null, true);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public synchronized String token() throws Exception {
        if (token == null) {
            HttpResponse<String> response = request("POST", "/api/auth/login",
                    "{\"username\":\"admin\",\"password\":\"" + password + "\"}", false);
            if (response.statusCode() != 200) {
                throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
            }
            token = JSON.readTree(response.body()).get("token").asText();
        }
        return token;
    }

    /** Logs in again with this password from now on (after a password change). */
    public synchronized void useCredentials(String newPassword) {
        password = newPassword;
        token = null;
    }

    public static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // e.g. the service is still starting; try again
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    /** A supplier-style check that may throw checked exceptions. */
    public interface Check {
        boolean test() throws Exception;
    }

    public static BooleanSupplier unchecked(Check check) {
        return () -> {
            try {
                return check.test();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
