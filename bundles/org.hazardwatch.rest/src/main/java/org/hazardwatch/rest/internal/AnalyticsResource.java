package org.hazardwatch.rest.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.hazardwatch.api.analytics.AccidentRelations;
import org.hazardwatch.api.analytics.AlarmAnalytics;
import org.hazardwatch.api.analytics.HazardAnalytics;
import org.hazardwatch.api.analytics.MonthlyReport;
import org.hazardwatch.api.analytics.StatisticsWorkbook;
import org.hazardwatch.api.analytics.StatisticsWorkbook.Column;
import org.hazardwatch.api.security.AccessControl;
import org.hazardwatch.api.security.Permission;

/**
 * Regulator analytics: hazard sources by grade, accident type and potential death toll, with drill-down and trend
 * (A1-A5); alarms by region, time, industry and point type (B1-B4).
 */
@Path("/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.ANALYTICS_VIEW)
public class AnalyticsResource extends ScopedResource {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final HazardAnalytics analytics;
    private final AlarmAnalytics alarms;
    private final AccidentRelations relations;
    private final Supplier<StatisticsWorkbook> workbook;
    private final Supplier<MonthlyReport> monthlyReport;

    public AnalyticsResource(HazardAnalytics analytics, AlarmAnalytics alarms, AccidentRelations relations, Supplier<StatisticsWorkbook> workbook,
            Supplier<MonthlyReport> monthlyReport, AccessControl access) {
        super(access);
        this.analytics = analytics;
        this.alarms = alarms;
        this.relations = relations;
        this.workbook = workbook;
        this.monthlyReport = monthlyReport;
    }

    /**
     * The monthly report (监测预警月报) of the region as PDF: major hazard sources at the month's end, the month's alarms
     * against the month before, accidents and the alarm-to-accident relation. {@code month} defaults to the last one.
     */
    @GET
    @Path("/monthly-report")
    @Produces("application/pdf")
    @Audited(value = "export.monthly-report", target = "region", idParam = "region")
    public Response monthlyReport(@QueryParam("region") String region, @QueryParam("month") String month) {
        MonthlyReport report = monthlyReport.get();
        if (report == null) {
            throw new ServiceUnavailableException("PDF reports are not installed (feature hazardwatch-reports)");
        }
        java.time.YearMonth chosen = month("month", month);
        java.time.YearMonth reported = chosen == null ? java.time.YearMonth.now(CHINA).minusMonths(1) : chosen;
        org.hazardwatch.api.security.Caller caller = caller();
        // render before answering: a refused region or a failure is an error response, not a broken download
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        try {
            report.write(caller, region, reported, pdf);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("writing the monthly report", e);
        }
        String name = "hazardwatch-monthly-report-" + (region == null || region.isBlank() ? "scope" : region.strip()) + "-" + reported + ".pdf";
        return Response.ok(pdf.toByteArray(), "application/pdf").header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /**
     * Alarm-to-accident relation (B5) of the region over whole months: accidents per 1,000 alarms by alarm kind, point
     * type, industry and part one level down, and the alarm patterns that preceded accidents more often than the
     * baseline (support, confidence, lift). {@code hours}: the window before an accident (1-720, default 24).
     */
    @GET
    @Path("/accident-relations")
    public AccidentRelations.Analysis accidentRelations(@QueryParam("region") String region, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("industry") String industry, @QueryParam("hours") String hours) {
        Integer window = hours == null || hours.isBlank() ? null
                : Params.number("hours", hours, AccidentRelations.DEFAULT_WINDOW_HOURS, 1, AccidentRelations.MAX_WINDOW_HOURS);
        return relations.analyse(caller(), region, month("from", from), month("to", to), industry, window);
    }

    /** The relation as an Excel workbook: the four rate tables and the rules. */
    @GET
    @Path("/accident-relations/export")
    @Produces(RegistryTransferResource.XLSX)
    @Audited(value = "export.accident-relations", target = "region", idParam = "region")
    public Response exportAccidentRelations(@QueryParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("industry") String industry, @QueryParam("hours") String hours) {
        AccidentRelations.Analysis a = accidentRelations(region, from, to, industry, hours);
        StatisticsWorkbook writer = workbook.get();
        if (writer == null) {
            throw new ServiceUnavailableException("Excel export is not installed (feature hazardwatch-transfer)");
        }
        List<Column> ruleColumns = List.of(new Column("items", "报警模式"), new Column("accidents", "事故起数"), new Column("windows", "企业日数"),
                new Column("support", "支持度"), new Column("confidence", "置信度"), new Column("lift", "提升度"));
        List<List<Object>> rules = new ArrayList<>();
        for (AccidentRelations.Rule r : a.patterns().rules()) {
            rules.add(List.of(String.join(" + ", r.items()), r.accidents(), r.windows(), r.support(), r.confidence(), r.lift()));
        }
        List<StatisticsWorkbook.Sheet> sheets = List.of(rateSheet("alarm kinds", "报警类型", a.byKind()), rateSheet("point types", "设备类型", a.byPointType()),
                rateSheet("industries", "行业", a.byIndustry()), rateSheet("parts", "区域", a.byRegion()),
                new StatisticsWorkbook.Sheet("patterns", ruleColumns, rules));
        StreamingOutput body = out -> writer.write(out, sheets);
        String name = "hazardwatch-accident-relations-" + (a.area().code().isEmpty() ? "national" : a.area().code()) + "-" + a.from() + "-" + a.to()
                + "-" + a.windowHours() + "h.xlsx";
        return Response.ok(body, RegistryTransferResource.XLSX).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    static StatisticsWorkbook.Sheet rateSheet(String name, String keyLabel, List<AccidentRelations.Rate> rates) {
        List<Column> columns = List.of(new Column("key", keyLabel), new Column("name", "名称"), new Column("accidents", "事故起数"),
                new Column("alarms", "报警次数"), new Column("per1000", "每千次报警事故数"));
        List<List<Object>> rows = new ArrayList<>();
        for (AccidentRelations.Rate r : rates) {
            rows.add(java.util.Arrays.asList(r.key(), r.name() == null ? "" : r.name(), r.accidents(), r.alarms(), r.per1000() == null ? "" : r.per1000()));
        }
        return new StatisticsWorkbook.Sheet(name, columns, rows);
    }

    /**
     * Alarms of the region (the caller's scope when absent) over whole months (default the last twelve), by category,
     * point type, month, month of the year, season, hour of day, part one level down and industry; today and this hour.
     */
    @GET
    @Path("/alarms")
    public AlarmAnalytics.Analysis alarms(@QueryParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("industry") String industry, @QueryParam("pointType") String pointType) {
        return alarms.analyse(caller(), region, month("from", from), month("to", to), industry, pointType);
    }

    /** Only today's and this hour's alarms, for pages that refresh them often. */
    @GET
    @Path("/alarms/live")
    public AlarmAnalytics.Live live(@QueryParam("region") String region, @QueryParam("industry") String industry,
            @QueryParam("pointType") String pointType) {
        return alarms.live(caller(), region, industry, pointType);
    }

    /** One instrument's alarms over whole months: by kind, month of the year, season and hour of day. */
    @GET
    @Path("/alarms/points/{pointId}")
    public AlarmAnalytics.DeviceAnalysis device(@PathParam("pointId") String pointId, @QueryParam("from") String from, @QueryParam("to") String to) {
        return alarms.device(caller(), pointId, month("from", from), month("to", to))
                .orElseThrow(() -> notFound("no point " + pointId));
    }

    /** The alarm analysis as an Excel workbook: months, hours, parts, industries, point types. */
    @GET
    @Path("/alarms/export")
    @Produces(RegistryTransferResource.XLSX)
    @Audited(value = "export.alarm-analysis", target = "region", idParam = "region")
    public Response exportAlarms(@QueryParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("industry") String industry, @QueryParam("pointType") String pointType) {
        AlarmAnalytics.Analysis a = alarms(region, from, to, industry, pointType);
        StatisticsWorkbook writer = workbook.get();
        if (writer == null) {
            throw new ServiceUnavailableException("Excel export is not installed (feature hazardwatch-transfer)");
        }
        List<StatisticsWorkbook.Sheet> sheets = List.of(
                counts("months", new Column("month", "月份"), a.byMonth()),
                counts("hours", new Column("hour", "时段"), a.byHour()),
                counts("seasons", new Column("season", "季节"), a.bySeason()),
                counts("point types", new Column("pointType", "设备类型"), a.byPointType()),
                partsSheet("parts", a.children()), partsSheet("industries", a.industries()));
        StreamingOutput body = out -> writer.write(out, sheets);
        String name = "hazardwatch-alarm-analysis-" + (a.regionCode().isEmpty() ? "national" : a.regionCode()) + "-" + a.from() + "-" + a.to()
                + ".xlsx";
        return Response.ok(body, RegistryTransferResource.XLSX).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    static StatisticsWorkbook.Sheet counts(String name, Column key, Map<?, Long> counts) {
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(List.of(String.valueOf(k), v)));
        return new StatisticsWorkbook.Sheet(name, List.of(key, new Column("alarms", "报警次数")), rows);
    }

    static StatisticsWorkbook.Sheet partsSheet(String name, List<AlarmAnalytics.Part> parts) {
        List<Column> columns = new ArrayList<>(List.of(new Column("code", "代码"), new Column("name", "名称"), new Column("total", "报警次数"),
                new Column("process", "工艺报警"), new Column("instrument", "仪表故障")));
        for (int m = 1; m <= 12; m++) {
            columns.add(new Column("month" + m, m + "月"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (AlarmAnalytics.Part p : parts) {
            List<Object> row = new ArrayList<>(List.of(p.code(), p.name() == null ? "" : p.name(), p.total(), p.process(), p.instrument()));
            row.addAll(p.byMonthOfYear().values());
            rows.add(row);
        }
        return new StatisticsWorkbook.Sheet(name, columns, rows);
    }

    private static java.time.YearMonth month(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a month such as 2026-03, not '" + text + "'");
        }
    }

    /**
     * The region (the caller's scope when absent; 37, 3702, 370281, 370200, a park or a USCC) as the registry stood on
     * {@code asOf} (default today), with its parts one level down; accidents of that year up to the day.
     */
    @GET
    @Path("/hazard-sources")
    public HazardAnalytics.Overview overview(@QueryParam("region") String region, @QueryParam("asOf") String asOf,
            @QueryParam("industry") String industry) {
        return analytics.overview(caller(), region, date("asOf", asOf), industry);
    }

    /** Year by year (default: the last ten years): the registry at each year's end and the year's accidents. */
    @GET
    @Path("/hazard-sources/trend")
    public List<HazardAnalytics.YearRow> trend(@QueryParam("region") String region, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("industry") String industry) {
        int thisYear = LocalDate.now(CHINA).getYear();
        int last = Params.number("to", to, thisYear, 1949, 9999);
        return analytics.trend(caller(), region, Params.number("from", from, last - 9, 1949, 9999), last, industry);
    }

    /** Both as an Excel workbook: the parts of the region on the day, and the trend. */
    @GET
    @Path("/hazard-sources/export")
    @Produces(RegistryTransferResource.XLSX)
    @Audited(value = "export.hazard-analysis", target = "region", idParam = "region")
    public Response export(@QueryParam("region") String region, @QueryParam("asOf") String asOf, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("industry") String industry) {
        HazardAnalytics.Overview overview = overview(region, asOf, industry);
        List<HazardAnalytics.YearRow> years = trend(region, from, to, industry);
        StatisticsWorkbook writer = workbook.get();
        if (writer == null) {
            throw new ServiceUnavailableException("Excel export is not installed (feature hazardwatch-transfer)");
        }
        List<StatisticsWorkbook.Sheet> sheets = List.of(overviewSheet(overview), trendSheet(years));
        StreamingOutput body = out -> writer.write(out, sheets);
        String name = "hazardwatch-hazard-analysis-" + (overview.regionCode().isEmpty() ? "national" : overview.regionCode()) + "-"
                + overview.asOf() + ".xlsx";
        return Response.ok(body, RegistryTransferResource.XLSX).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    static StatisticsWorkbook.Sheet overviewSheet(HazardAnalytics.Overview o) {
        List<Column> columns = new ArrayList<>(List.of(new Column("code", "代码"), new Column("name", "名称"), new Column("total", "重大危险源")));
        List<String> grades = List.copyOf(o.total().byGrade().keySet());
        grades.forEach(g -> columns.add(new Column("grade" + g, g + "级")));
        List<String> types = List.copyOf(o.total().byAccidentType().keySet());
        types.forEach(t -> columns.add(new Column(t, ACCIDENT_TYPE_LABELS.getOrDefault(t, t))));
        List<String> tolls = List.copyOf(o.total().byDeathToll().keySet());
        tolls.forEach(t -> columns.add(new Column(t, "可能死亡" + TOLL_LABELS.getOrDefault(t, t))));
        columns.addAll(List.of(new Column("accidents", "事故起数(" + o.asOf().getYear() + ")"), new Column("deaths", "死亡人数"),
                new Column("injuries", "受伤人数")));
        List<List<Object>> rows = new ArrayList<>();
        List<HazardAnalytics.Cell> cells = new ArrayList<>(o.children());
        cells.add(o.total());
        for (HazardAnalytics.Cell c : cells) {
            List<Object> row = new ArrayList<>(List.of(c.code(), c.name() == null ? "" : c.name(), c.total()));
            grades.forEach(g -> row.add(c.byGrade().getOrDefault(g, 0L)));
            types.forEach(t -> row.add(c.byAccidentType().getOrDefault(t, 0L)));
            tolls.forEach(t -> row.add(c.byDeathToll().getOrDefault(t, 0L)));
            row.addAll(List.of(c.accidents(), c.deaths(), c.injuries()));
            rows.add(row);
        }
        return new StatisticsWorkbook.Sheet("overview " + o.asOf(), columns, rows);
    }

    static StatisticsWorkbook.Sheet trendSheet(List<HazardAnalytics.YearRow> years) {
        List<Column> columns = new ArrayList<>(List.of(new Column("year", "年份"), new Column("total", "重大危险源")));
        if (years.isEmpty()) {
            return new StatisticsWorkbook.Sheet("trend", columns, List.of());
        }
        HazardAnalytics.YearRow first = years.get(0);
        first.byGrade().keySet().forEach(g -> columns.add(new Column("grade" + g, g + "级")));
        first.byAccidentType().keySet().forEach(t -> columns.add(new Column(t, ACCIDENT_TYPE_LABELS.getOrDefault(t, t))));
        columns.addAll(List.of(new Column("accidents", "事故起数"), new Column("deaths", "死亡人数"), new Column("injuries", "受伤人数")));
        first.accidentsByDeathToll().keySet().forEach(t -> columns.add(new Column("accidents" + t, "事故" + TOLL_LABELS.getOrDefault(t, t))));
        first.accidentsByKind().keySet().forEach(k -> columns.add(new Column("accidents" + k, "事故-" + KIND_LABELS.getOrDefault(k, k))));
        List<List<Object>> rows = new ArrayList<>();
        for (HazardAnalytics.YearRow y : years) {
            List<Object> row = new ArrayList<>(List.of(y.year(), y.total()));
            row.addAll(y.byGrade().values());
            row.addAll(y.byAccidentType().values());
            row.addAll(List.of(y.accidents(), y.deaths(), y.injuries()));
            row.addAll(y.accidentsByDeathToll().values());
            row.addAll(y.accidentsByKind().values());
            rows.add(row);
        }
        return new StatisticsWorkbook.Sheet("trend", columns, rows);
    }

    static final Map<String, String> ACCIDENT_TYPE_LABELS = Map.of("FIRE", "火灾", "EXPLOSION", "爆炸", "POISONING", "中毒");
    static final Map<String, String> KIND_LABELS = Map.of("FIRE", "火灾", "EXPLOSION", "爆炸", "POISONING", "中毒", "LEAK", "泄漏", "OTHER", "其他");
    static final Map<String, String> TOLL_LABELS = Map.of("UNDER_10", "0-9人", "FROM_10_TO_29", "10-29人", "FROM_30_TO_99", "30-99人",
            "FROM_100", "100人以上", "UNKNOWN", "未知");

    private static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date such as 2025-12-31, not '" + text + "'");
        }
    }
}
