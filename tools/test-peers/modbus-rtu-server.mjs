// A Modbus RTU slave of another implementation (npm modbus-serial) on a serial port, for the Modbus adapter's tests;
// the test joins it to the adapter with a socat pseudo-terminal pair. Usage: node modbus-rtu-server.mjs <device>
// [baud]; prints READY when the port is open. Unit 1, 8N1. Register map: modbus-map.mjs.
import ModbusRTU from "modbus-serial";
import { vector } from "./modbus-map.mjs";

const path = process.argv[2];
const baudRate = Number(process.argv[3] ?? 19200);
const server = new ModbusRTU.ServerSerial(vector, { path, baudRate, unitID: 1 });
server.on("initialized", () => console.log("READY"));
server.on("error", (error) => console.error("serial error", error.message));
