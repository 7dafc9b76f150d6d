package org.hazardwatch.transfer.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hazardwatch.api.alarm.AlarmExport;
import org.hazardwatch.api.alarm.AlarmQuery;
import org.hazardwatch.api.alarm.AlarmService;
import org.hazardwatch.api.hazard.RegistryTransfer;
import org.hazardwatch.api.model.Alarm;
import org.hazardwatch.api.model.MonitoringPoint;
import org.hazardwatch.api.registry.Page;
import org.hazardwatch.api.store.PointRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Alarm history export: one sheet, one row per occurrence, times in China Standard Time as the regulations use. */
@Component(service = AlarmExport.class)
public class AlarmExportComponent implements AlarmExport {

    static final String SHEET = "报警记录(alarms)";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);
    private static final int PAGE = 1000;

    static final List<Column> COLUMNS = List.of(
            new Column("id", "报警编号", ""),
            new Column("pointId", "点位编号", ""),
            new Column("pointName", "点位名称", ""),
            new Column("enterpriseCode", "企业编码", ""),
            new Column("hazardSourceCode", "危险源编码", ""),
            new Column("kind", "报警类型", "LOW_LOW 低低报, LOW 低报, HIGH 高报, HIGH_HIGH 高高报, RATE_OF_CHANGE 变化率, FAULT 仪表故障"),
            new Column("priority", "优先级", ""),
            new Column("state", "状态", ""),
            new Column("value", "报警值", ""),
            new Column("limit", "报警限值", ""),
            new Column("unit", "单位", ""),
            new Column("raisedAt", "报警时间", "China Standard Time"),
            new Column("clearedAt", "恢复时间", ""),
            new Column("acknowledgedAt", "确认时间", ""),
            new Column("acknowledgedBy", "确认人", ""),
            new Column("activations", "触发次数", ""),
            new Column("shelved", "搁置至", ""),
            new Column("suppressed", "设计抑制", ""));

    private final AlarmService alarms;
    private final PointRepository points;

    @Activate
    public AlarmExportComponent(@Reference AlarmService alarms, @Reference PointRepository points) {
        this.alarms = alarms;
        this.points = points;
    }

    @Override
    public void export(AlarmQuery query, RegistryTransfer.Format format, OutputStream out) throws IOException {
        Map<String, MonitoringPoint> byId = points.findAll().stream()
                .collect(Collectors.toMap(MonitoringPoint::id, Function.identity()));
        List<List<Object>> rows = new ArrayList<>();
        long total = 0;
        for (int page = 0; rows.size() < MAX_ROWS; page++) {
            Page<Alarm> found = alarms.search(new AlarmQuery(query.pointId(), query.pointIds(), query.states(), query.kinds(),
                    query.category(), query.priority(), query.from(), query.to(), page, PAGE));
            total = found.total();
            for (Alarm a : found.items()) {
                if (rows.size() < MAX_ROWS) {
                    rows.add(row(a, byId.get(a.pointId())));
                }
            }
            if (found.items().size() < PAGE) {
                break;
            }
        }
        if (total > rows.size()) {
            Object[] note = new Object[COLUMNS.size()];
            note[0] = "cut at " + MAX_ROWS + " of " + total + " alarms: narrow the time range";
            rows.add(Arrays.asList(note));
        }
        TableCodec.SheetData sheet = new TableCodec.SheetData(SHEET, COLUMNS, rows);
        if (format == RegistryTransfer.Format.XLSX) {
            TransferComponent.withPoi(() -> {
                TableCodec.writeXlsx(out, List.of(sheet), null);
                return null;
            });
        } else {
            TableCodec.writeCsv(out, sheet);
        }
    }

    private static List<Object> row(Alarm a, MonitoringPoint p) {
        return Arrays.asList(a.id(), a.pointId(), p == null ? null : p.name(), p == null ? null : p.enterpriseCode(),
                p == null ? null : p.hazardSourceCode(), a.kind().name(), a.priority().name(), a.state().name(),
                Double.isFinite(a.value()) ? a.value() : null, Double.isFinite(a.limit()) ? a.limit() : null,
                p == null ? null : p.unit(), time(a.raisedAt()), time(a.clearedAt()), time(a.acknowledgedAt()),
                a.acknowledgedBy(), a.activations(), time(a.shelvedUntil()), a.suppressed() ? "yes" : null);
    }

    private static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }
}
