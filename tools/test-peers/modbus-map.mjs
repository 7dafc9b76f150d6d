// The register map both Modbus test peers serve (unit 1):
//   holding 0-1: 123.456 float32 ABCD   holding 2-3: 123.456 float32 CDAB   holding 4: -200 int16
//   holding 6-7: 100000 uint32 ABCD     holding 8-11: -2.5e-3 float64 ABCD  holding 100 and above: exception 02
//   input register n: n                 coil n: true when n is even        discrete input n: true when n is odd
const holding = new Array(100).fill(0);
const float32 = Buffer.alloc(4);
float32.writeFloatBE(123.456);
holding[0] = float32.readUInt16BE(0); holding[1] = float32.readUInt16BE(2);
holding[2] = float32.readUInt16BE(2); holding[3] = float32.readUInt16BE(0);
holding[4] = 0xFF38;
holding[6] = 0x0001; holding[7] = 0x86A0;
const float64 = Buffer.alloc(8);
float64.writeDoubleBE(-2.5e-3);
for (let i = 0; i < 4; i++) holding[8 + i] = float64.readUInt16BE(2 * i);

const illegalAddress = { modbusErrorCode: 0x02, msg: "Illegal data address" };
export const vector = {
  getHoldingRegister: (address) => { if (address >= holding.length) throw illegalAddress; return holding[address]; },
  getInputRegister: (address) => address,
  getCoil: (address) => address % 2 === 0,
  getDiscreteInput: (address) => address % 2 === 1,
};
