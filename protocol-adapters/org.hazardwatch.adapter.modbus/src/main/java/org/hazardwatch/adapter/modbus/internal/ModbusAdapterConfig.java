package org.hazardwatch.adapter.modbus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Factory PID {@code org.hazardwatch.adapter.modbus}; one instance per {@code etc/org.hazardwatch.adapter.modbus-<name>.cfg}. */
@ObjectClassDefinition(name = "HazardWatch Modbus adapter",
        description = "Polls the register map of one Modbus device, or of the devices behind one gateway or serial line")
public @interface ModbusAdapterConfig {

    @AttributeDefinition(description = "Instance name; defaults to the part after the dash in the file name")
    String name() default "";

    @AttributeDefinition(description = "tcp: Modbus TCP; rtu: Modbus RTU on a local serial port; rtu-over-tcp: RTU frames "
            + "through a serial device server (e.g. a Moxa NPort in TCP server mode)",
            options = { @Option(value = "tcp", label = "Modbus TCP"), @Option(value = "rtu", label = "Modbus RTU (serial)"),
                    @Option(value = "rtu-over-tcp", label = "Modbus RTU over TCP") })
    String transport() default "tcp";

    @AttributeDefinition(description = "Device or gateway host name or IP address (tcp, rtu-over-tcp)")
    String host() default "";

    @AttributeDefinition(description = "TCP port (tcp, rtu-over-tcp)", min = "1", max = "65535")
    int port() default 502;

    @AttributeDefinition(description = "Serial port (rtu), e.g. /dev/ttyUSB0 or COM3")
    String serial_port() default "";

    @AttributeDefinition(description = "Baud rate (rtu)", min = "300", max = "921600")
    int baud_rate() default 9600;

    @AttributeDefinition(description = "Data bits (rtu)", min = "7", max = "8")
    int data_bits() default 8;

    @AttributeDefinition(description = "Parity (rtu)", options = { @Option(value = "none", label = "None"),
            @Option(value = "even", label = "Even"), @Option(value = "odd", label = "Odd") })
    String parity() default "none";

    @AttributeDefinition(description = "Stop bits (rtu)", min = "1", max = "2")
    int stop_bits() default 1;

    @AttributeDefinition(description = "Unit id (slave address) of rows that leave it empty", min = "0", max = "255")
    int unit_id() default 1;

    @AttributeDefinition(description = "Poll period in ms of rows that leave it empty", min = "100")
    long poll_interval_ms() default 1000;

    @AttributeDefinition(description = "How long to wait for the answer to one request, in ms", min = "100")
    int request_timeout_ms() default 2000;

    @AttributeDefinition(description = "Unmapped registers one request may read across to join neighbours; 0 for devices "
            + "that refuse reads of holes in their map", min = "0", max = "100")
    int max_gap() default 0;

    @AttributeDefinition(description = "Most registers per request (the protocol allows 125; some devices fewer)", min = "1",
            max = "125")
    int max_registers_per_request() default 125;

    @AttributeDefinition(description = "Register map file: CSV " + RegisterMap.HEADER)
    String mapping_file();
}
