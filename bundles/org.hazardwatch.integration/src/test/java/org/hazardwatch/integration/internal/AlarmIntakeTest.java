package org.hazardwatch.integration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.hazardwatch.api.alarm.AlarmEventType;
import org.hazardwatch.api.integration.LocalSystemIntake.AlarmSubmission;
import org.hazardwatch.api.integration.LocalSystemIntake.SubmitResult;
import org.hazardwatch.api.live.LiveEvent;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Caller;
import org.hazardwatch.api.security.DataScope;
import org.hazardwatch.api.security.OrgLevel;
import org.hazardwatch.api.security.Permission;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.JdbcAlarmStore;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.hazardwatch.core.internal.live.InMemoryLiveEventBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alarms local systems raise and return (I1), on the core's alarm store (H2). */
class AlarmIntakeTest {

    static final String PLANT = "91370281MA3HW2026N";
    static final Instant T0 = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    JdbcAlarmStore alarms;
    IntakeService intake;
    final InMemoryLiveEventBus live = new InMemoryLiveEventBus();
    org.hazardwatch.api.live.LiveEventBus.Subscription console;
    final Caller plantIntegration = new Caller("dcs", "dcs", null, "青岛海湾示范化工", OrgLevel.ENTERPRISE, DataScope.enterprise(PLANT),
            EnumSet.of(Permission.ADAPTER_ADMINISTER), Set.of());

    /** The scope rule the node applies: an enterprise account sees its own enterprise's points. */
    static final class EnterpriseScope implements AccessControl {
        @Override
        public Optional<Caller> caller(String username) {
            return Optional.empty();
        }

        @Override
        public boolean sees(Caller caller, String enterpriseCode) {
            return caller.scope().code().equals(enterpriseCode);
        }

        @Override
        public boolean seesLive(Caller caller, String enterpriseCode) {
            return sees(caller, enterpriseCode);
        }

        @Override
        public Optional<String> liveGrantUsed(Caller caller, String enterpriseCode) {
            return Optional.empty();
        }

        @Override
        public void invalidate() {
        }
    }

    @BeforeEach
    void database() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:alarms" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        DataSource database = h2;
        DatabaseMigrator.migrate(database);
        JdbcPointRepository points = new JdbcPointRepository(database);
        points.save(new MonitoringPoint("GD-01", "罐区可燃气体 1", PointType.COMBUSTIBLE_GAS, "%LEL", 0, 100, null, 25.0, "罐区", PLANT, "HS-1", null));
        points.save(new MonitoringPoint("OTHER-01", "他厂测点", PointType.LEVEL, "m", 0, 10, null, 9.0, "罐区", "91370281MA3OTHER00", null, null));
        alarms = new JdbcAlarmStore(database);
        console = live.subscribe(100);
        intake = new IntakeService(null, points, new EnterpriseScope(), null, null, code -> null, alarms, live, null, Clock.systemUTC());
    }

    static AlarmSubmission alarm(String point, String kind, String state, Instant time, Double value) {
        return new AlarmSubmission(point, kind, state, time, value, 25.0, null);
    }

    @Test
    void aLocalSystemRaisesReturnsAndRaisesAgainItsAlarm() throws Exception {
        SubmitResult raised = intake.submitAlarms(plantIntegration, "GDS-1", List.of(alarm("GD-01", "high_high", "ACTIVE", T0, 41.5),
                alarm("GD-01", "HIGH_HIGH", "ACTIVE", T0.plusSeconds(5), 43.0))); // repeated: changes nothing
        assertEquals(2, raised.accepted());
        Alarm open = alarms.openFromSystem("GDS-1", "GD-01", AlarmKind.HIGH_HIGH).orElseThrow();
        assertEquals(AlarmState.UNACKED_ACTIVE, open.state());
        assertEquals(AlarmPriority.HIGH, open.priority(), "high-high defaults to a high priority");
        assertEquals(41.5, open.value(), 1e-9);
        assertEquals(T0, open.raisedAt());
        LiveEvent told = console.next(java.time.Duration.ofSeconds(1));
        assertEquals(LiveEvent.ALARM, told.topic());
        assertEquals(null, console.next(java.time.Duration.ofMillis(100)), "the console is told once");

        intake.submitAlarms(plantIntegration, "GDS-1", List.of(alarm("GD-01", "HIGH_HIGH", "RETURNED", T0.plusSeconds(60), 12.0)));
        assertEquals(AlarmState.UNACKED_RETURNED, alarms.find(open.id()).orElseThrow().state());
        intake.submitAlarms(plantIntegration, "GDS-1", List.of(alarm("GD-01", "HIGH_HIGH", "ACTIVE", T0.plusSeconds(90), 38.0)));
        Alarm again = alarms.find(open.id()).orElseThrow();
        assertEquals(AlarmState.UNACKED_ACTIVE, again.state(), "active again before anybody acknowledged: the same occurrence");
        assertEquals(2, again.activations());
        assertEquals(List.of(AlarmEventType.ACTIVATED, AlarmEventType.RETURNED, AlarmEventType.ACTIVATED),
                alarms.history(open.id()).stream().map(e -> e.type()).toList());
        assertEquals("integration:GDS-1", alarms.history(open.id()).get(0).actor());
        assertTrue(alarms.openOwn().isEmpty(), "the node's engine leaves it to the system");

        // another system's alarm of the same point and kind is its own occurrence
        intake.submitAlarms(plantIntegration, "SIS-2", List.of(alarm("GD-01", "HIGH_HIGH", "ACTIVE", T0.plusSeconds(100), 40.0)));
        assertEquals(2, alarms.open().size());
    }

    @Test
    void badAlarmsAreRefusedWithTheirIndexAndReasonAndStoreNothing() {
        SubmitResult result = intake.submitAlarms(plantIntegration, "GDS-1", List.of(
                alarm("GD-01", "HIGH", "ACTIVE", T0, 30.0),
                alarm("OTHER-01", "HIGH", "ACTIVE", T0, 9.5),
                alarm("GD-01", "EXPLODED", "ACTIVE", T0, 30.0),
                alarm("GD-01", "HIGH", "BLINKING", T0, 30.0),
                alarm("GD-01", "LOW", "ACTIVE", T0, null),
                alarm("GD-01", "HIGH", "ACTIVE", Instant.now().plusSeconds(3600), 30.0),
                alarm("GD-01", "HIGH", "RETURNED", T0.minusSeconds(60), 10.0),
                new AlarmSubmission("GD-01", "HIGH", "ACTIVE", T0, 30.0, null, "URGENT"),
                alarm("GD-01", "FAULT", "ACTIVE", T0, null)));
        assertEquals(2, result.accepted(), result.toString());
        List<Integer> refused = result.refused().stream().map(r -> r.index()).toList();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), refused, result.toString());
        assertTrue(result.refused().get(0).reason().contains("no point OTHER-01"), "another enterprise's point is not the caller's");
        assertTrue(result.refused().get(5).reason().contains("before it was raised"), result.refused().get(5).reason());
        assertEquals(2, alarms.open().size(), "the high and the fault, nothing of the refused ones");
        assertThrows(IllegalArgumentException.class, () -> intake.submitAlarms(plantIntegration, "GDS-1", List.of()));
    }
}
