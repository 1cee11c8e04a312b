package org.oncorwe.stats.bench;

import org.oncorwe.stats.CoxData;
import org.oncorwe.stats.CoxModel;
import org.oncorwe.stats.KaplanMeier;
import org.oncorwe.stats.LogRankTest;
import org.oncorwe.stats.SurvivalData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Java side of the survival benchmark, in-process after loading (subject rows to
 * {@link SurvivalData}, timefix; timed apart the same way): {@code km} fits every curve (all and each group), {@code logrank}
 * tests the groups, {@code cox} fits Efron with the group's dummies against its first level. Each
 * step runs once to warm up, then {@link #REPEATS} times; its time is the best.
 */
public final class JavaSurvivalBench {

    public static final int REPEATS = 3;

    /** The steps' names, in order. */
    public static final List<String> STEPS = List.of("km", "logrank", "cox");

    private JavaSurvivalBench() {
    }

    /** What one run measured: the best seconds of loading and of each step. */
    public record Timings(double loadSeconds, Map<String, Double> steps, long checksum) {
    }

    public static Timings run(BenchData d) {
        long[] sink = new long[1];
        double load = best(() -> load(d).subjects(), sink);
        SurvivalData data = load(d);
        KaplanMeier km = KaplanMeier.withDefaults();
        Map<String, Double> steps = new LinkedHashMap<>();
        steps.put("km", best(() -> {
            long n = km.fit(data.counts()).size();
            for (String g : data.groups()) {
                n += km.fit(data.countsOfGroup(g)).size();
            }
            return n;
        }, sink));
        steps.put("logrank", best(() -> (long) LogRankTest.withDefaults().test(data).statistic(), sink));
        steps.put("cox", best(() -> (long) CoxModel.withDefaults()
                .fit(CoxData.ofGroup(data, data.groups().get(0), false)).iterations(), sink));
        return new Timings(load, Map.copyOf(steps), sink[0]);
    }

    private static SurvivalData load(BenchData d) {
        return SurvivalData.ofSubjects(null, d.group(), d.time(), d.event()).timeFixed();
    }

    /** Warm-up, then the best of the repeats in seconds; results go to a sink so none is optimised away. */
    private static double best(Supplier<Long> step, long[] sink) {
        sink[0] += step.get();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            sink[0] += step.get();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }
}
