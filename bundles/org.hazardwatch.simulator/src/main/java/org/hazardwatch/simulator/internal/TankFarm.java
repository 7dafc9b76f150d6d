package org.hazardwatch.simulator.internal;

import java.util.List;

/**
 * The simulated plant: tank area A stores liquefied ammonia and chlorine (toxic gas detectors in ppm), tank area B
 * stores gasoline in internal floating-roof tanks (combustible gas detectors in %LEL). Alarm limits follow common
 * practice and GB/T 50493-2019 first-level gas alarm settings (combustible <= 25 %LEL, toxic <= 100 % OEL).
 * {@code etc/hazardwatch/points.csv} ships the same points for the point catalogue; a test keeps both in step.
 */
public final class TankFarm {

    public static final String ENTERPRISE = "91370281MA3HW2026N";
    public static final String AREA_A = "罐区A（液氨/液氯）";
    public static final String AREA_B = "罐区B（汽油）";

    private TankFarm() {
    }

    public static List<SimPoint> points() {
        return List.of(
                new SimPoint("A-T101-LT", "T101液氨储罐液位", "LEVEL", "m", 0, 15, 1.0, 12.5, AREA_A, 8.2, 0.02, 2.0, 1800),
                new SimPoint("A-T101-TT", "T101液氨储罐温度", "TEMPERATURE", "°C", -40, 60, null, 40.0, AREA_A, 18.0, 0.15, 4.0, 3600),
                new SimPoint("A-T101-PT", "T101液氨储罐压力", "PRESSURE", "MPa", 0, 2.5, null, 1.6, AREA_A, 0.85, 0.01, 0.12, 3600),
                new SimPoint("A-T102-LT", "T102液氯储罐液位", "LEVEL", "m", 0, 6, 0.5, 4.8, AREA_A, 3.1, 0.01, 0.8, 2400),
                new SimPoint("A-T102-TT", "T102液氯储罐温度", "TEMPERATURE", "°C", -40, 60, null, 38.0, AREA_A, 16.0, 0.15, 3.0, 3600),
                new SimPoint("A-T102-PT", "T102液氯储罐压力", "PRESSURE", "MPa", 0, 2.0, null, 1.2, AREA_A, 0.62, 0.01, 0.08, 3600),
                new SimPoint("A-AT101", "罐区A氨气检测器AT101", "TOXIC_GAS", "ppm", 0, 100, null, 25.0, AREA_A, 1.5, 0.4, 1.0, 900),
                new SimPoint("A-AT102", "罐区A氯气检测器AT102", "TOXIC_GAS", "ppm", 0, 10, null, 0.5, AREA_A, 0.05, 0.02, 0.03, 900),
                new SimPoint("B-T201-LT", "T201汽油储罐液位", "LEVEL", "m", 0, 18, 1.5, 15.5, AREA_B, 10.4, 0.02, 3.0, 2700),
                new SimPoint("B-T201-TT", "T201汽油储罐温度", "TEMPERATURE", "°C", -20, 60, null, 45.0, AREA_B, 22.0, 0.2, 5.0, 3600),
                new SimPoint("B-T201-PT", "T201汽油储罐压力", "PRESSURE", "MPa", 0, 0.6, null, 0.35, AREA_B, 0.12, 0.004, 0.03, 3600),
                new SimPoint("B-T202-LT", "T202汽油储罐液位", "LEVEL", "m", 0, 18, 1.5, 15.5, AREA_B, 7.6, 0.02, 3.0, 3000),
                new SimPoint("B-T202-TT", "T202汽油储罐温度", "TEMPERATURE", "°C", -20, 60, null, 45.0, AREA_B, 21.0, 0.2, 5.0, 3600),
                new SimPoint("B-T202-PT", "T202汽油储罐压力", "PRESSURE", "MPa", 0, 0.6, null, 0.35, AREA_B, 0.11, 0.004, 0.03, 3600),
                new SimPoint("B-GT201", "罐区B可燃气体检测器GT201", "COMBUSTIBLE_GAS", "%LEL", 0, 100, null, 25.0, AREA_B, 2.0, 0.5, 1.5, 900),
                new SimPoint("B-GT202", "罐区B可燃气体检测器GT202", "COMBUSTIBLE_GAS", "%LEL", 0, 100, null, 25.0, AREA_B, 1.5, 0.5, 1.5, 900));
    }
}
