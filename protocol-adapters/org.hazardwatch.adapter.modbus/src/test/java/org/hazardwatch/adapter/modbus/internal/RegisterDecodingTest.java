package org.hazardwatch.adapter.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.hazardwatch.adapter.modbus.internal.ReadPlan.PollGroup;
import org.junit.jupiter.api.Test;

class RegisterDecodingTest {

    /** 123.456f is 0x42F6E979; each order lays out its bytes as a device manual would show them. */
    @Test
    void float32InAllFourOrders() {
        assertEquals(123.456f, (float) ModbusDataType.FLOAT32.decode(new int[] { 0x42F6, 0xE979 }, 0, RegisterOrder.ABCD));
        assertEquals(123.456f, (float) ModbusDataType.FLOAT32.decode(new int[] { 0xE979, 0x42F6 }, 0, RegisterOrder.CDAB));
        assertEquals(123.456f, (float) ModbusDataType.FLOAT32.decode(new int[] { 0xF642, 0x79E9 }, 0, RegisterOrder.BADC));
        assertEquals(123.456f, (float) ModbusDataType.FLOAT32.decode(new int[] { 0x79E9, 0xF642 }, 0, RegisterOrder.DCBA));
    }

    /** -2.5e-3 as a double is 0xBF647AE147AE147B. */
    @Test
    void float64WordAndByteOrders() {
        int[] big = { 0xBF64, 0x7AE1, 0x47AE, 0x147B };
        assertEquals(-2.5e-3, ModbusDataType.FLOAT64.decode(big, 0, RegisterOrder.ABCD));
        assertEquals(-2.5e-3, ModbusDataType.FLOAT64.decode(new int[] { 0x147B, 0x47AE, 0x7AE1, 0xBF64 }, 0, RegisterOrder.CDAB));
        assertEquals(-2.5e-3, ModbusDataType.FLOAT64.decode(new int[] { 0x64BF, 0xE17A, 0xAE47, 0x7B14 }, 0, RegisterOrder.BADC));
        assertEquals(-2.5e-3, ModbusDataType.FLOAT64.decode(new int[] { 0x7B14, 0xAE47, 0xE17A, 0x64BF }, 0, RegisterOrder.DCBA));
    }

    @Test
    void integersSignedAndUnsignedAtAnOffset() {
        int[] block = { 0, 0xFFFE, 0xFFFF, 0xFFFE, 0x0001, 0x0002 };
        assertEquals(-2, ModbusDataType.INT16.decode(block, 1, RegisterOrder.ABCD));
        assertEquals(65534, ModbusDataType.UINT16.decode(block, 1, RegisterOrder.ABCD));
        assertEquals(-2, ModbusDataType.INT32.decode(block, 2, RegisterOrder.ABCD));
        assertEquals(4294967294.0, ModbusDataType.UINT32.decode(block, 2, RegisterOrder.ABCD));
        assertEquals(0x0002_0001, ModbusDataType.INT32.decode(block, 4, RegisterOrder.CDAB));
        assertEquals((short) 0xFEFF, ModbusDataType.INT16.decode(block, 1, RegisterOrder.BADC), "16-bit values feel only the byte swap");
        assertEquals(-2, ModbusDataType.INT16.decode(block, 1, RegisterOrder.CDAB));
    }

    @Test
    void scalingTurnsRawCountsIntoEngineeringUnits() {
        RegisterPoint point = RegisterMap.parseRow("GT1,1,input,10,uint16,,0.025,-25", new RegisterMap.Defaults(1, 1000));
        // a 4-20 mA transmitter on a 0..4000 count input: 800 counts (4 mA) is 0 %LEL, 4000 counts (20 mA) is 75 %LEL
        assertEquals(-5.0, point.engineering(800), 1e-9);
        assertEquals(75.0, point.engineering(4000), 1e-9);
        assertEquals("unit 1 input 10 uint16 x0.025-25 @1000ms", point.describe());
    }

    @Test
    void registerMapDefaultsAndRejectedRowsWithTheirLines() throws IOException {
        String csv = "\uFEFF# gas controller\n" + RegisterMap.HEADER + "\n"
                + "GT1,,holding,0,float32,CDAB,,,\n"
                + "GT2,2,input,4,int16,,0.1\n"
                + "ALM1,,coil,7,bool\n"
                + "BAD1,,holding,0,bool\n"
                + "BAD2,,coil,0,int16\n"
                + "BAD3,,holding,65534,float32\n"
                + "BAD4,,flash,0,int16\n"
                + "BAD5,,holding,x,int16\n"
                + "BAD6,,holding,1,int16,,0\n"
                + "BAD7,300,holding,1,int16\n"
                + "BAD8,,holding,1,int16,,,,50\n"
                + "BAD9,,holding,1,float32,ZYXW\n"
                + "GT1,,holding,9,int16\n"
                + "too,few\n";
        RegisterMap map = RegisterMap.parse(new StringReader(csv), new RegisterMap.Defaults(1, 2000));
        assertEquals(List.of("GT1", "GT2", "ALM1"), map.points().stream().map(RegisterPoint::pointId).toList());
        RegisterPoint gt1 = map.points().get(0);
        assertEquals(1, gt1.unitId());
        assertEquals(2000, gt1.pollIntervalMs());
        assertEquals(RegisterOrder.CDAB, gt1.order());
        assertEquals(0.1, map.points().get(1).scale());
        assertEquals(11, map.errors().size(), map.errors().toString());
        assertTrue(map.errors().get(0).startsWith("line 6: type bool needs a coil"), map.errors().get(0));
        assertTrue(map.errors().get(1).startsWith("line 7: a coil holds a bit"), map.errors().get(1));
        assertTrue(map.errors().get(2).contains("runs past register 65534"), map.errors().get(2));
        assertTrue(map.errors().get(3).contains("unknown table 'flash'"), map.errors().get(3));
        assertTrue(map.errors().get(4).contains("address 'x' is not a whole number"), map.errors().get(4));
        assertTrue(map.errors().get(5).contains("scale must not be 0"), map.errors().get(5));
        assertTrue(map.errors().get(6).contains("unit 300 is outside 0..255"), map.errors().get(6));
        assertTrue(map.errors().get(7).contains("pollMs 50 is outside"), map.errors().get(7));
        assertTrue(map.errors().get(8).contains("unknown byte order 'ZYXW'"), map.errors().get(8));
        assertEquals("line 15: point GT1 is mapped twice", map.errors().get(9));
        assertTrue(map.errors().get(10).startsWith("line 16: expected"), map.errors().get(10));
    }

    @Test
    void planJoinsNeighboursWithinTheLimitsAndSplitsGroups() {
        RegisterMap.Defaults defaults = new RegisterMap.Defaults(1, 1000);
        List<RegisterPoint> points = List.of(
                RegisterMap.parseRow("a,,holding,0,float32", defaults),
                RegisterMap.parseRow("b,,holding,2,float32", defaults),
                RegisterMap.parseRow("c,,holding,6,int16", defaults), // two registers after b: a gap of 2
                RegisterMap.parseRow("d,,holding,120,float64", defaults),
                RegisterMap.parseRow("e,,input,0,int16", defaults),
                RegisterMap.parseRow("f,,coil,3,bool", defaults),
                RegisterMap.parseRow("g,,coil,1999,bool", defaults),
                RegisterMap.parseRow("h,2,holding,0,int16", defaults),
                RegisterMap.parseRow("i,,holding,1,int16,,,,5000", defaults));
        List<PollGroup> tight = ReadPlan.plan(points, 0, 125);
        assertEquals(3, tight.size(), "unit 1 @1000, unit 1 @5000, unit 2 @1000");
        PollGroup main = tight.get(0);
        assertEquals(List.of("unit 1 holding 0..3", "unit 1 holding 6", "unit 1 holding 120..123", "unit 1 input 0",
                "unit 1 coil 3", "unit 1 coil 1999"), main.blocks().stream().map(ReadBlock::describe).toList());
        assertEquals(7, main.points());
        List<PollGroup> loose = ReadPlan.plan(points, 2, 125);
        assertEquals("unit 1 holding 0..6", loose.get(0).blocks().get(0).describe(), "a gap of 2 is read across");
        assertEquals("unit 1 holding 120..123", loose.get(0).blocks().get(1).describe());
        List<PollGroup> small = ReadPlan.plan(points, 200, 64);
        assertEquals(List.of("unit 1 holding 0..6", "unit 1 holding 120..123"),
                small.get(0).blocks().stream().filter(b -> b.table() == ModbusTable.HOLDING).map(ReadBlock::describe).toList(),
                "a device limit of 64 registers splits the request");
        ReadBlock coils = small.get(0).blocks().get(3);
        assertEquals(List.of("holding-register:121:UINT[4]"),
                new Plc4xRegisterReader("modbus-tcp:tcp://h:502", 1, 1000).tagAddresses(small.get(0).blocks().get(1)));
        assertEquals(List.of("coil:4:BOOL"), new Plc4xRegisterReader("modbus-tcp:tcp://h:502", 1, 1000).tagAddresses(coils),
                "Modbus TCP in PLC4X 0.13 returns one value per BOOL tag");
        assertEquals(List.of("holding-register:121:UINT[4]{unit-id: 1}"),
                new Plc4xRegisterReader("modbus-rtu:tcp://h:502", 1, 1000).tagAddresses(small.get(0).blocks().get(1)));
    }

    @Test
    void unknownTypesAndTablesAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> ModbusDataType.parse("int8"));
        assertEquals(ModbusTable.HOLDING, ModbusTable.parse("4x"));
        assertEquals(ModbusTable.DISCRETE, ModbusTable.parse("Discrete_Input"));
        assertEquals(RegisterOrder.CDAB, RegisterOrder.parse("word-swap"));
    }
}
