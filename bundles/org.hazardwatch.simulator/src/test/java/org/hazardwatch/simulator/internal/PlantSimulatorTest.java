package org.hazardwatch.simulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlantSimulatorTest {

    @Test
    void valuesStayInRangeAndNearTheirBaseWithoutExcursions() {
        PlantSimulator plant = new PlantSimulator(TankFarm.points(), 1, 0);
        for (int second = 0; second < 3600; second += 7) {
            Map<String, Double> values = plant.tick(second, 0.5);
            for (SimPoint point : TankFarm.points()) {
                double value = values.get(point.id());
                assertTrue(value >= point.rangeLow() && value <= point.rangeHigh(), point.id() + " in range: " + value);
                if (point.alarmHigh() != null) {
                    assertTrue(value < point.alarmHigh(), point.id() + " no alarm without excursion: " + value);
                }
            }
        }
    }

    @Test
    void excursionsCrossAnAlarmLimitAndReturn() {
        PlantSimulator plant = new PlantSimulator(TankFarm.points(), 7, 60);
        boolean crossed = false;
        for (double t = 0; t < 3600 && !crossed; t += 0.5) {
            Map<String, Double> values = plant.tick(t, 0.5);
            for (SimPoint point : TankFarm.points()) {
                double value = values.get(point.id());
                if ((point.alarmHigh() != null && value >= point.alarmHigh())
                        || (point.alarmLow() != null && value <= point.alarmLow())) {
                    crossed = true;
                }
            }
        }
        assertTrue(crossed, "an excursion crossed a limit within an hour");
        assertEquals(0.5, PlantSimulator.excursionWeight(10), 1e-9);
        assertEquals(1.0, PlantSimulator.excursionWeight(30), 1e-9);
        assertEquals(0.0, PlantSimulator.excursionWeight(200), 1e-9);
    }

    @Test
    void forcedValuesHoldUntilReleased() {
        PlantSimulator plant = new PlantSimulator(TankFarm.points(), 1, 0);
        plant.force("B-GT201", 42.0);
        assertEquals(42.0, plant.tick(1, 0.5).get("B-GT201"));
        assertEquals(42.0, plant.tick(2, 0.5).get("B-GT201"));
        assertTrue(plant.release("B-GT201"));
        assertFalse(plant.release("B-GT201"));
        assertTrue(plant.tick(3, 0.5).get("B-GT201") < 25);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> plant.force("X", 1));
        assertTrue(unknown.getMessage().startsWith("the simulator has no point 'X'"));
        assertThrows(IllegalArgumentException.class, () -> plant.force("B-GT201", Double.NaN));
    }

    @Test
    void theDemoOperatorHasAValidCreditCode() {
        assertTrue(org.hazardwatch.api.registry.UnifiedSocialCreditCode.isValid(TankFarm.ENTERPRISE));
        assertEquals(TankFarm.ENTERPRISE, DemoEnterpriseRegistration.DEMO.uscc());
    }

    @Test
    void theShippedPointCatalogueDescribesThisPlant() throws Exception {
        Path catalogue = Path.of("../../etc/hazardwatch/points.csv");
        List<String> rows = Files.readAllLines(catalogue, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("id,")).toList();
        List<SimPoint> plant = TankFarm.points();
        assertEquals(plant.size(), rows.size());
        for (int i = 0; i < plant.size(); i++) {
            String[] f = rows.get(i).split(",", -1);
            SimPoint point = plant.get(i);
            assertEquals(point.id(), f[0]);
            assertEquals(point.name(), f[1]);
            assertEquals(point.type(), f[2]);
            assertEquals(point.unit(), f[3]);
            assertEquals(point.rangeLow(), Double.parseDouble(f[4]));
            assertEquals(point.rangeHigh(), Double.parseDouble(f[5]));
            assertEquals(point.alarmLow(), f[6].isEmpty() ? null : Double.valueOf(f[6]));
            assertEquals(point.alarmHigh(), f[7].isEmpty() ? null : Double.valueOf(f[7]));
            assertEquals(point.area(), f[8]);
            assertEquals(TankFarm.ENTERPRISE, f[9]);
        }
    }
}
