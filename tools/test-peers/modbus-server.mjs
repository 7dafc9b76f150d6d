// A Modbus TCP slave of another implementation (npm modbus-serial) for the Modbus adapter's tests.
// Usage: node modbus-server.mjs <port>; prints READY when listening. Register map: modbus-map.mjs.
import ModbusRTU from "modbus-serial";
import { vector } from "./modbus-map.mjs";

const port = Number(process.argv[2] ?? 5020);
const server = new ModbusRTU.ServerTCP(vector, { host: "127.0.0.1", port, unitID: 1 });
server.on("initialized", () => console.log("READY"));
server.on("socketError", (error) => console.error("socket error", error.message));
