package org.hazardwatch.core.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.hazardwatch.api.exchange.ExchangeCommand;
import org.hazardwatch.api.exchange.ExchangeStore;
import org.hazardwatch.api.exchange.ExchangeStore.AlarmReplica;
import org.hazardwatch.api.exchange.MessageLogEntry;
import org.hazardwatch.api.exchange.MessageLogQuery;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.AlarmKind;
import org.hazardwatch.api.model.AlarmPriority;
import org.hazardwatch.api.model.AlarmState;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.model.PointType;
import org.hazardwatch.api.model.Quality;
import org.hazardwatch.api.model.Sample;
import org.hazardwatch.core.internal.TestDatabases;
import org.hazardwatch.core.internal.db.DatabaseMigrator;
import org.hazardwatch.core.internal.db.JdbcAlarmStore;
import org.hazardwatch.core.internal.db.JdbcPointRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exchange's tables on H2 and PostgreSQL: exactly-once acceptance, alarm copies, refused data, log, commands. */
class ExchangeStoreTest {

    static final String ENTERPRISE = "91370281MA3HW2026N";
    static final String POINT = ENTERPRISE + ":A-T101-LT";
    static final Instant T = Instant.parse("2026-11-30T01:00:00Z");

    DataSource database(String kind) throws Exception {
        DataSource dataSource = kind.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres();
        DatabaseMigrator.migrate(dataSource);
        new JdbcPointRepository(dataSource).save(new MonitoringPoint(POINT, "T101 液位", PointType.LEVEL, "m", 0, 15, 1.0, 12.5, "罐区A",
                ENTERPRISE, "HS-A", "T101"));
        return dataSource;
    }

    static long count(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void aMessageIsStoredOnceAndRefusedDataWritesNothing(String kind) throws Exception {
        DataSource dataSource = database(kind);
        JdbcExchangeStore store = new JdbcExchangeStore(dataSource);
        List<Sample> samples = List.of(new Sample(POINT, T, 5.0, Quality.GOOD), new Sample(POINT, T.plusSeconds(1), 5.5, Quality.GOOD));
        assertTrue(store.acceptSamples(ENTERPRISE, "m-1", T.plusSeconds(3600), samples));
        assertFalse(store.acceptSamples(ENTERPRISE, "m-1", T.plusSeconds(3600), samples), "the second delivery writes nothing");
        assertTrue(store.seen(ENTERPRISE, "m-1"));
        assertEquals(2, count(dataSource, "SELECT COUNT(*) FROM sample"));
        assertEquals(1, count(dataSource, "SELECT COUNT(*) FROM current_value WHERE sample_value = 5.5"), "current value advanced");

        ExchangeStore.RefusedDataException refused = assertThrows(ExchangeStore.RefusedDataException.class, () -> store.acceptSamples(
                ENTERPRISE, "m-2", T.plusSeconds(3600), List.of(new Sample(ENTERPRISE + ":nope", T, 1, Quality.GOOD))));
        assertTrue(refused.getMessage().contains(ENTERPRISE + ":nope"), refused.getMessage());
        assertFalse(store.seen(ENTERPRISE, "m-2"), "a refused message is not marked seen: nothing of it was written");
        assertEquals(2, count(dataSource, "SELECT COUNT(*) FROM sample"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void alarmCopiesKeepTheNewestStateAndAreNotThisNodesEngines(String kind) throws Exception {
        DataSource dataSource = database(kind);
        JdbcExchangeStore store = new JdbcExchangeStore(dataSource);
        JdbcAlarmStore alarms = new JdbcAlarmStore(dataSource);
        Alarm raised = Alarm.activated(POINT, AlarmKind.HIGH, AlarmPriority.HIGH, 13.1, 12.5, T, false);
        Alarm acknowledged = raised.acknowledged("operator", T.plusSeconds(60));
        assertTrue(store.acceptAlarms(ENTERPRISE, "a-2", T.plusSeconds(3600), List.of(new AlarmReplica(ENTERPRISE, 7, 20, acknowledged))));
        // the older update arrives after the newer one (live first, backlog behind): it changes nothing
        assertTrue(store.acceptAlarms(ENTERPRISE, "a-1", T.plusSeconds(3600), List.of(new AlarmReplica(ENTERPRISE, 7, 10, raised))));
        List<Alarm> open = alarms.open();
        assertEquals(1, open.size());
        assertEquals(AlarmState.ACKED_ACTIVE, open.get(0).state());
        assertEquals("operator", open.get(0).acknowledgedBy());
        assertEquals(Optional.of(ENTERPRISE), alarms.originOf(open.get(0).id()));
        assertTrue(alarms.openOwn().isEmpty(), "copies are not this node's engine's to manage");
        assertTrue(alarms.activeByPoint().containsKey(POINT), "but screens show them on their points");
        assertTrue(store.alarmChangesAfter(0, 100).isEmpty(), "copies are not sent up as this node's own alarms");
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void logCursorsRoutesAndCommands(String kind) throws Exception {
        JdbcExchangeStore store = new JdbcExchangeStore(database(kind));
        for (int seq = 1; seq <= 3; seq++) {
            store.log(new MessageLogEntry(0, T.plusSeconds(seq), MessageLogEntry.Direction.OUT, "370281", "id-" + seq, "samples", seq, T,
                    seq == 2 ? MessageLogEntry.Status.BACKLOG : MessageLogEntry.Status.SENT, seq == 2 ? "link down" : null, 100, 10));
        }
        assertEquals(3, store.lastSequence("370281", MessageLogEntry.Direction.OUT));
        List<MessageLogEntry> backlog = store.messages(new MessageLogQuery("370281", null, MessageLogEntry.Status.BACKLOG, null, null, null,
                null, 10));
        assertEquals(List.of("id-2"), backlog.stream().map(MessageLogEntry::messageId).toList());
        assertEquals(1, store.forgetMessagesBefore(T.plusSeconds(2)));

        assertEquals(0, store.cursor("uplink.alarm-event"));
        store.saveCursor("uplink.alarm-event", 42, null);
        store.saveCursor("uplink.alarm-event", 43, "x");
        assertEquals(43, store.cursor("uplink.alarm-event"));
        assertEquals(Optional.of("x"), store.cursorText("uplink.alarm-event"));

        store.route(ENTERPRISE, "370281", T);
        store.route(ENTERPRISE, "370282", T.plusSeconds(1));
        assertEquals(Optional.of("370282"), store.routeOf(ENTERPRISE));

        ExchangeCommand command = new ExchangeCommand("c-1", "threshold-change", ENTERPRISE, POINT, "{}", "admin", T,
                ExchangeCommand.Status.SENT, null, null);
        store.saveCommand(command);
        store.saveCommand(command); // passing the node again changes nothing
        assertTrue(store.answerCommand("c-1", ExchangeCommand.Status.APPLIED, "limits of A-T101-LT now ...", T.plusSeconds(5)));
        assertFalse(store.answerCommand("c-unknown", ExchangeCommand.Status.APPLIED, null, T));
        assertEquals(ExchangeCommand.Status.APPLIED, store.command("c-1").orElseThrow().status());
        assertEquals(1, store.commands(10).size());

        // a live query's answer keeps what was read; the list leaves the (possibly large) result out
        store.saveCommand(new ExchangeCommand("q-1", "live-query", ENTERPRISE, null, "{}", "city-duty", T.plusSeconds(6),
                ExchangeCommand.Status.SENT, null, null));
        String values = "{\"values\":[{\"pointId\":\"" + POINT + "\",\"value\":1.5,\"name\":\"储罐液位\"}]}";
        assertTrue(store.answerCommand("q-1", ExchangeCommand.Status.ANSWERED, "1 current value", values, T.plusSeconds(7)));
        ExchangeCommand answered = store.command("q-1").orElseThrow();
        assertEquals(ExchangeCommand.Status.ANSWERED, answered.status());
        assertEquals(values, answered.result());
        assertEquals(List.of("q-1", "c-1"), store.commands(10).stream().map(ExchangeCommand::id).toList());
        assertNull(store.commands(10).get(0).result());
    }
}
