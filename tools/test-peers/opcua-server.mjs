// An OPC UA server of another implementation (node-opcua) for the OPC UA adapter's tests.
// Usage: node opcua-server.mjs <port>; prints READY when listening. Endpoint opc.tcp://127.0.0.1:<port>/peer,
// security None, anonymous. Namespace urn:hazardwatch:peer, object Plant:
//   s=LT101  Double, changes every 200 ms between 8 and 9
//   s=PT101  Float, 1.25
//   s=TT101  Double 21.5 with status BadSensorFailure
//   s=AT101  Double 3.0 with status UncertainLastUsableValue
import serverPackage from "node-opcua-server";
import variantPackage from "node-opcua-variant";
import statusPackage from "node-opcua-status-code";
import dataValuePackage from "node-opcua-data-value";

const { OPCUAServer } = serverPackage;
const { Variant, DataType } = variantPackage;
const { StatusCodes } = statusPackage;
const { DataValue } = dataValuePackage;

const port = Number(process.argv[2] ?? 4850);
const server = new OPCUAServer({ port, resourcePath: "/peer", allowAnonymous: true,
  buildInfo: { productName: "hazardwatch-test-peer" } });
await server.initialize();
const addressSpace = server.engine.addressSpace;
const namespace = addressSpace.registerNamespace("urn:hazardwatch:peer");
const plant = namespace.addObject({ organizedBy: addressSpace.rootFolder.objects, browseName: "Plant" });

let level = 8.0;
setInterval(() => { level = 8.0 + Math.random(); }, 200);
const variable = (id, dataType, read) => namespace.addVariable({ componentOf: plant, nodeId: "s=" + id, browseName: id,
  minimumSamplingInterval: 100, dataType, value: { timestamped_get: read } });
const dataValue = (dataType, value, statusCode) => new DataValue({ value: new Variant({ dataType, value }), statusCode,
  sourceTimestamp: new Date() });
variable("LT101", "Double", () => dataValue(DataType.Double, level, StatusCodes.Good));
variable("PT101", "Float", () => dataValue(DataType.Float, 1.25, StatusCodes.Good));
variable("TT101", "Double", () => dataValue(DataType.Double, 21.5, StatusCodes.BadSensorFailure));
variable("AT101", "Double", () => dataValue(DataType.Double, 3.0, StatusCodes.UncertainLastUsableValue));

await server.start();
console.log("READY");
