package org.hazardwatch.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.hazardwatch.grading.Edition;
import org.hazardwatch.grading.Gb18218Grader;
import org.hazardwatch.grading.GradingRequest;
import org.hazardwatch.grading.SubstanceEntry;

/**
 * GB 18218-2018 grading of many units, as a re-grading of a province's registry would do: each unit holds 1-6
 * substances drawn from Table 1 (by name, with Table 4 symbols where Table 3 has no beta) with random design
 * quantities; the grader computes S, R and the grade with exact fractions.
 */
public final class GradingBenchmark {

    private GradingBenchmark() {
    }

    // Table 1 substances that Table 3 gives a beta for (name, CAS), and a few that need Table 4 symbols
    static final String[][] SUBSTANCES = { { "氯", "7782-50-5", null }, { "氨", "7664-41-7", null }, { "硫化氢", "7783-06-4", null },
            { "光气", "75-44-5", null }, { "氰化氢", "74-90-8", null }, { "甲醇", "67-56-1", "W5.3" }, { "液化石油气", "68476-85-7", "W2" },
            { "苯", "71-43-2", "W5.3" }, { "汽油", "86290-81-5", "W5.3" } };

    public static void main(String[] args) throws Exception {
        int units = Integer.parseInt(IngestThroughputBenchmark.option(args, "--units", "100000"));
        int runs = Integer.parseInt(IngestThroughputBenchmark.option(args, "--runs", "3"));
        Gb18218Grader grader = Gb18218Grader.create();
        List<GradingRequest> requests = requests(units, new Random(2018));
        List<Double> seconds = new ArrayList<>();
        int[] grades = new int[5];
        for (int run = 0; run <= runs; run++) {
            long start = System.nanoTime();
            for (GradingRequest request : requests) {
                Integer grade = grader.grade(request).grade();
                if (run == 0) {
                    grades[grade == null ? 0 : grade]++;
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (run > 0) { // run 0 warms the JIT up
                seconds.add(elapsed);
            }
        }
        seconds.sort(Double::compare);
        double median = seconds.get(seconds.size() / 2);
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%nGB 18218-2018 grading, %d units (median of %d runs, %d cores, Java %s)%n", units, runs,
                runtime.availableProcessors(), System.getProperty("java.version"));
        System.out.println("| units | seconds | units/s | not major | grade 1 | grade 2 | grade 3 | grade 4 | heap used (MB) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %d | %.2f | %.0f | %d | %d | %d | %d | %d | %d |%n", units, median, units / median,
                grades[0], grades[1], grades[2], grades[3], grades[4], (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        System.exit(0);
    }

    static List<GradingRequest> requests(int units, Random random) {
        List<GradingRequest> requests = new ArrayList<>(units);
        for (int u = 0; u < units; u++) {
            int count = 1 + random.nextInt(6);
            List<SubstanceEntry> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String[] s = SUBSTANCES[random.nextInt(SUBSTANCES.length)];
                BigDecimal tonnes = BigDecimal.valueOf(1 + random.nextInt(20_000), 1);
                entries.add(new SubstanceEntry(s[0], s[1], null, s[2] == null ? List.of() : List.of(s[2]), tonnes));
            }
            requests.add(new GradingRequest(Edition.GB18218_2018, random.nextInt(150), entries));
        }
        return requests;
    }
}
