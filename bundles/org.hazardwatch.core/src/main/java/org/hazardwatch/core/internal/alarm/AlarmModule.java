package org.hazardwatch.core.internal.alarm;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.hazardwatch.api.live.LiveEvent;
import org.hazardwatch.api.store.PointRepository;
import org.hazardwatch.core.internal.db.JdbcAlarmStore;

/** The alarm engine wired to its definitions and store on one database (the component, tests and benchmarks use it). */
public record AlarmModule(JdbcAlarmDefinitions definitions, AlarmEngine engine) {

    public static AlarmModule create(DataSource dataSource, PointRepository points, Clock clock, Duration cacheAge,
            Consumer<LiveEvent> live) {
        JdbcAlarmDefinitions definitions = new JdbcAlarmDefinitions(dataSource, points, Gbt50493.load(), clock, cacheAge);
        AlarmEngine engine = new AlarmEngine(new PointCache(points, cacheAge, System::nanoTime), definitions,
                new JdbcAlarmStore(dataSource), clock, live);
        definitions.onChange(engine::definitionChanged);
        return new AlarmModule(definitions, engine);
    }
}
