package org.hazardwatch.adapter.modbus.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns a register map into as few requests as the device allows: rows of one unit and one poll period form a group;
 * within it, points of one table close enough together share one request of at most the protocol's 125 registers
 * (2,000 bits).
 */
public final class ReadPlan {

    /** The requests of one poll period on one unit. */
    public record PollGroup(int unitId, long intervalMs, List<ReadBlock> blocks) {

        public PollGroup {
            blocks = List.copyOf(blocks);
        }

        public int points() {
            return blocks.stream().mapToInt(b -> b.points().size()).sum();
        }
    }

    private ReadPlan() {
    }

    /**
     * @param maxGap unmapped registers a request may read across to join two neighbours; 0 reads only mapped
     *               registers, for devices that answer "illegal data address" to holes in their map
     * @param maxRegisters most registers per request (some devices accept fewer than the protocol's 125)
     */
    public static List<PollGroup> plan(List<RegisterPoint> points, int maxGap, int maxRegisters) {
        record GroupKey(int unitId, long intervalMs) {
        }
        Map<GroupKey, List<RegisterPoint>> byGroup = points.stream().collect(Collectors.groupingBy(
                p -> new GroupKey(p.unitId(), p.pollIntervalMs()),
                () -> new TreeMap<>(Comparator.comparingInt(GroupKey::unitId).thenComparingLong(GroupKey::intervalMs)),
                Collectors.toList()));
        List<PollGroup> groups = new ArrayList<>();
        byGroup.forEach((key, groupPoints) -> {
            List<ReadBlock> blocks = new ArrayList<>();
            for (ModbusTable table : ModbusTable.values()) {
                List<RegisterPoint> tablePoints = groupPoints.stream().filter(p -> p.table() == table)
                        .sorted(Comparator.comparingInt(RegisterPoint::address)).toList();
                int limit = table.bits() ? table.maxPerRequest() : Math.min(maxRegisters, table.maxPerRequest());
                blocks.addAll(coalesce(key.unitId(), table, tablePoints, maxGap, limit));
            }
            groups.add(new PollGroup(key.unitId(), key.intervalMs(), blocks));
        });
        return groups;
    }

    private static List<ReadBlock> coalesce(int unitId, ModbusTable table, List<RegisterPoint> sorted, int maxGap, int limit) {
        List<ReadBlock> blocks = new ArrayList<>();
        List<RegisterPoint> current = new ArrayList<>();
        int start = 0;
        int end = 0; // exclusive
        for (RegisterPoint point : sorted) {
            int pointEnd = point.address() + point.size();
            boolean fits = !current.isEmpty() && point.address() - end <= maxGap && Math.max(end, pointEnd) - start <= limit;
            if (!fits && !current.isEmpty()) {
                blocks.add(new ReadBlock(unitId, table, start, end - start, current));
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                start = point.address();
                end = pointEnd;
            } else {
                end = Math.max(end, pointEnd);
            }
            current.add(point);
        }
        if (!current.isEmpty()) {
            blocks.add(new ReadBlock(unitId, table, start, end - start, current));
        }
        return blocks;
    }
}
