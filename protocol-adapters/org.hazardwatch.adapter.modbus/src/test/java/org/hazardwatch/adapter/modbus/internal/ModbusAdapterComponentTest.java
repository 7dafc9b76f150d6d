package org.hazardwatch.adapter.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hazardwatch.adapter.modbus.internal.ModbusAdapterComponent.Options;
import org.junit.jupiter.api.Test;

class ModbusAdapterComponentTest {

    /** A configuration as Configuration Admin hands it over: the given values, the rest at their defaults. */
    private static ModbusAdapterConfig config(Map<String, Object> values) {
        return (ModbusAdapterConfig) Proxy.newProxyInstance(ModbusAdapterConfig.class.getClassLoader(),
                new Class<?>[] { ModbusAdapterConfig.class }, (proxy, method, args) -> {
                    Object value = values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                    if (value instanceof RuntimeException e) {
                        throw e;
                    }
                    return value;
                });
    }

    @Test
    void aPortPlaceholderThatWasNotResolvedIsAProblemNotACrash() {
        List<String> problems = new ArrayList<>();
        Options options = Options.read(config(Map.of("host", "10.0.0.5", "port", new NumberFormatException("For input string: \"\""),
                "mapping_file", "/nowhere.csv")), problems);
        problems.addAll(ModbusAdapterComponent.problems(options));
        assertEquals(List.of("port must be a number (For input string: \"\")",
                "mapping.file /nowhere.csv does not exist or cannot be read"), problems);
    }

    @Test
    void eachBadOptionIsNamed() {
        List<String> problems = ModbusAdapterComponent.problems(new Options("rtu", "", 502, "COM3; rm -rf /", 50, 9, "mark", 3,
                300, 10, 10, 101, 200, ""));
        assertEquals(List.of("serial.port must name a serial port (e.g. /dev/ttyUSB0 or COM3), not 'COM3; rm -rf /'",
                "baud.rate must be from 300 to 921600", "data.bits must be 7 or 8", "stop.bits must be 1 or 2",
                "parity must be none, even or odd, not 'mark'", "unit.id must be from 0 to 255",
                "poll.interval.ms must be at least 100", "request.timeout.ms must be at least 100", "max.gap must be from 0 to 100",
                "max.registers.per.request must be from 1 to 125", "mapping.file is required"), problems);
        assertTrue(ModbusAdapterComponent.problems(new Options("udp", "h", 502, "", 9600, 8, "none", 1, 1, 1000, 1000, 0, 125,
                "pom.xml")).get(0).startsWith("transport must be tcp, rtu or rtu-over-tcp"));
        assertTrue(ModbusAdapterComponent.problems(new Options("tcp", "plc 1", 502, "", 9600, 8, "none", 1, 1, 1000, 1000, 0,
                125, "pom.xml")).get(0).startsWith("host must be a host name or IP address"));
    }

    @Test
    void connectionStringsForEachTransport() {
        Options tcp = new Options("tcp", "10.1.2.3", 502, "", 9600, 8, "none", 1, 1, 1000, 1500, 0, 125, "m.csv");
        assertEquals("modbus-tcp:tcp://10.1.2.3:502?request-timeout=1500", ModbusAdapterComponent.connectionString(tcp));
        assertEquals("tcp 10.1.2.3:502", ModbusAdapterComponent.endpoint(tcp));
        Options rtu = new Options("rtu", "", 502, "/dev/ttyUSB0", 19200, 8, "even", 1, 1, 1000, 1500, 0, 125, "m.csv");
        assertTrue(ModbusAdapterComponent.reader(rtu, true) instanceof SerialRtuRegisterReader, "a local line: digitalpetri");
        assertTrue(ModbusAdapterComponent.reader(tcp, true) instanceof Plc4xRegisterReader);
        assertEquals("rtu /dev/ttyUSB0 19200 8E1", ModbusAdapterComponent.endpoint(rtu));
        Options gateway = new Options("rtu-over-tcp", "moxa", 4001, "", 9600, 8, "none", 1, 1, 1000, 1500, 0, 125, "m.csv");
        assertEquals("modbus-rtu:tcp://moxa:4001?request-timeout=1500", ModbusAdapterComponent.connectionString(gateway));
    }
}
