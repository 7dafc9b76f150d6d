package org.hazardwatch.core.internal.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import org.hazardwatch.api.model.PointType;
import org.junit.jupiter.api.Test;

class PointCatalogTest {

    @Test
    void goodRowsLoadAndBadRowsAreReportedByLine() throws Exception {
        String csv = """
                # demo
                id,name,type,unit,rangeLow,rangeHigh,alarmLow,alarmHigh,area,enterprise,hazardSource
                A-T1-LT,1号罐液位,level,m,0,12,1,10.5,罐区A,ENT,HS-1
                A-T1-TT,1号罐温度,TEMPERATURE,°C,-20,80,,45,罐区A,ENT,
                BAD-TYPE,x,vibration,mm,0,1,,,A,ENT,
                BAD-RANGE,x,LEVEL,m,5,1,,,A,ENT,
                BAD-NUM,x,LEVEL,m,0,abc,,,A,ENT,
                SHORT,x,LEVEL
                bad id!,x,LEVEL,m,0,1,,,A,ENT,
                """;
        PointCatalog.Result result = PointCatalog.parse(new StringReader(csv));
        assertEquals(2, result.points().size());
        assertEquals(PointType.LEVEL, result.points().get(0).type());
        assertEquals(10.5, result.points().get(0).alarmHigh());
        assertNull(result.points().get(1).alarmLow());
        assertNull(result.points().get(1).hazardSourceCode());
        assertEquals(5, result.errors().size(), result.errors().toString());
        assertTrue(result.errors().get(0).startsWith("line 5: unknown point type"), result.errors().get(0));
        assertTrue(result.errors().get(1).contains("rangeLow 5.0 must be below rangeHigh 1.0"), result.errors().get(1));
        assertTrue(result.errors().get(2).contains("rangeHigh 'abc' is not a finite number"));
        assertTrue(result.errors().get(3).contains("expected 11 fields, found 3"));
        assertTrue(result.errors().get(4).startsWith("line 9: point id must be"));
    }

    @Test
    void aWrongHeaderRejectsTheFile() throws Exception {
        PointCatalog.Result result = PointCatalog.parse(new StringReader("id,name\nX,Y\n"));
        assertTrue(result.points().isEmpty());
        assertEquals(1, result.errors().size());
    }
}
