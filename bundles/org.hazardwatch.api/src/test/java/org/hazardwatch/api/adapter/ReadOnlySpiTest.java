package org.hazardwatch.api.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Requirement H5: the acquisition SPI has no write path to control systems. Every type in the adapter and ingest
 * packages is inspected: nothing can hand a value, command or setting to an adapter, and no method is named like one
 * that would.
 */
class ReadOnlySpiTest {

    static final List<String> WRITE_WORDS = List.of("write", "set", "put", "send", "command", "control", "force", "execute",
            "actuate", "output");

    static List<Class<?>> typesOf(String packageName) throws IOException, ClassNotFoundException {
        Path dir = Path.of("target/classes", packageName.replace('.', '/'));
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String simple = file.getFileName().toString().replace(".class", "");
                if (!simple.equals("package-info")) {
                    types.add(Class.forName(packageName + "." + simple));
                }
            }
        }
        return types;
    }

    @Test
    void noMethodOfTheSpiCanReachThePlant() throws Exception {
        List<Class<?>> types = new ArrayList<>(typesOf("org.hazardwatch.api.adapter"));
        types.addAll(typesOf("org.hazardwatch.api.ingest"));
        assertTrue(types.contains(ProtocolAdapter.class), "the scan found the SPI: " + types);
        List<String> offending = new ArrayList<>();
        for (Class<?> type : types) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isSynthetic()) {
                    continue;
                }
                String name = method.getName().toLowerCase(Locale.ROOT);
                if (WRITE_WORDS.stream().anyMatch(name::startsWith)) {
                    offending.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertEquals(List.of(), offending, "methods that look like a write path");
    }

    @Test
    void nothingCanBeHandedToAnAdapter() {
        for (Method method : ProtocolAdapter.class.getMethods()) {
            assertEquals(0, method.getParameterCount(),
                    "ProtocolAdapter." + method.getName() + " takes arguments: an adapter only reports and reloads its own mapping");
        }
    }
}
