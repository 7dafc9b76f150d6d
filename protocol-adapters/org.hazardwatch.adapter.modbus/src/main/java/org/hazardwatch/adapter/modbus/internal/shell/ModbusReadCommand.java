package org.hazardwatch.adapter.modbus.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.hazardwatch.adapter.modbus.internal.ModbusAdapterComponent;
import org.hazardwatch.adapter.modbus.internal.ModbusAdapterComponent.Options;
import org.hazardwatch.adapter.modbus.internal.ModbusTable;
import org.hazardwatch.adapter.modbus.internal.RegisterProbe;
import org.hazardwatch.adapter.modbus.internal.RegisterProbe.Row;

@Command(scope = "hazardwatch", name = "modbus-read",
        description = "Reads registers (or coils) of a Modbus device once and shows each address decoded as int16, uint16, "
                + "float32 and int32 in both word orders, to find the type and order for a register map. Read-only.")
@Service
public class ModbusReadCommand implements Action {

    @Argument(index = 0, name = "device", required = true, description = "host:port (Modbus TCP, or RTU over TCP with --rtu)")
    String device;

    @Argument(index = 1, name = "table", required = true, description = "holding, input, coil or discrete")
    String table;

    @Argument(index = 2, name = "address", required = true, description = "zero-based protocol address of the first register")
    int address;

    @Argument(index = 3, name = "count", required = false, description = "registers to read (default 10)")
    int count = 10;

    @Option(name = "--unit", description = "Unit id (default 1)")
    int unitId = 1;

    @Option(name = "--rtu", description = "RTU frames over TCP (a serial device server) instead of Modbus TCP")
    boolean rtu;

    @Option(name = "--timeout", description = "Request timeout in ms (default 3000)")
    int timeoutMs = 3000;

    @Override
    public Object execute() throws Exception {
        int colon = device.lastIndexOf(':');
        if (colon <= 0 || !device.substring(colon + 1).matches("\\d{1,5}")) {
            throw new IllegalArgumentException("The device must be host:port, e.g. 10.0.0.5:502, not '" + device + "'");
        }
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("The unit id must be from 0 to 255");
        }
        ModbusTable modbusTable = ModbusTable.parse(table);
        Options options = new Options(rtu ? "rtu-over-tcp" : "tcp", device.substring(0, colon),
                Integer.parseInt(device.substring(colon + 1)), "", 9600, 8, "none", 1, unitId, 1000, timeoutMs, 0, 125, "");
        List<String> problems = ModbusAdapterComponent.endpointProblems(options);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String url = ModbusAdapterComponent.connectionString(options);
        List<Row> rows;
        try {
            rows = RegisterProbe.read(url, unitId, modbusTable, address, count, timeoutMs);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + device + " unit " + unitId + ": " + e.getMessage());
        }
        ShellTable shellTable = new ShellTable();
        String[] columns = modbusTable.bits() ? new String[] { "Address", "Value" }
                : new String[] { "Address", "Raw", "int16", "uint16", "float32 ABCD", "float32 CDAB", "int32 ABCD", "int32 CDAB" };
        for (String column : columns) {
            shellTable.column(column);
        }
        for (Row row : rows) {
            if (modbusTable.bits()) {
                shellTable.addRow().addContent(row.address(), row.raw());
            } else {
                shellTable.addRow().addContent(row.address(), row.raw(), row.int16(), row.uint16(), row.float32Abcd(),
                        row.float32Cdab(), row.int32Abcd(), row.int32Cdab());
            }
        }
        shellTable.print(System.out);
        System.out.println("Register map rows take: pointId,unit,table,address,type,order,scale,offset,pollMs");
        return null;
    }
}
