package org.oncorwe.stats.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.oncorwe.runtime.PipelineFailure;
import org.oncorwe.stats.CoxData;
import org.oncorwe.stats.EventCoding;
import org.oncorwe.stats.SurvivalData;
import org.oncorwe.stats.tables.InputColumns;
import org.oncorwe.stats.tables.SubjectRows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

/**
 * Reads survival input through Spark (Parquet, or anything too large for the driver) and hands
 * the driver only the aggregates — (stratum, group, time, n_event, n_censor) for the Kaplan-Meier
 * family, (stratum, time, factor levels, n_event, n_censor) for Cox — with the same
 * missing-value, event-coding and error rules as {@link SubjectRows}. A bad row is named by its
 * position in the input and its values.
 */
public final class ParquetSubjects {

    private static final int MAX_EVENT_VALUES = 16;

    private ParquetSubjects() {
    }

    public static SubjectRows.Loaded read(SparkSession spark, String path, InputColumns columns) {
        Dataset<Row> raw;
        try {
            raw = spark.read().parquet(path);
        } catch (RuntimeException e) {
            throw new PipelineFailure("cannot read " + path + " as Parquet: " + e.getMessage(), e);
        }
        return aggregate(raw, path, columns);
    }

    /** The aggregates of a per-subject table for the Kaplan-Meier family and log-rank. */
    public static SubjectRows.Loaded aggregate(Dataset<Row> raw, String source, InputColumns columns) {
        Aggregates a = aggregateBy(raw, source, columns.time(), columns.event(),
                Arrays.asList(columns.strata(), columns.group()));
        List<SurvivalData.Row> rows = new ArrayList<>();
        for (Row r : a.rows()) {
            rows.add(new SurvivalData.Row(r.getString(0), r.getString(1), r.getDouble(2), r.getLong(3), r.getLong(4)));
        }
        SurvivalData data = SurvivalData.ofAggregates(rows);
        return new SubjectRows.Loaded(data, a.read(), a.read() - data.subjects());
    }

    /**
     * The Cox model's aggregates of a per-subject table: (stratum, time, levels of each factor,
     * n_event, n_censor), exact because the covariates are factors; strata may be null.
     */
    public static List<CoxData.PatternRow> coxPatterns(Dataset<Row> raw, String source, String time, String event,
                                                       String strata, List<String> factors) {
        List<String> keys = new ArrayList<>();
        keys.add(strata);
        keys.addAll(factors);
        List<CoxData.PatternRow> rows = new ArrayList<>();
        int k = keys.size();
        for (Row r : aggregateBy(raw, source, time, event, keys).rows()) {
            List<String> levels = new ArrayList<>();
            for (int i = 1; i < k; i++) {
                levels.add(r.getString(i));
            }
            rows.add(new CoxData.PatternRow(r.getString(0), r.getDouble(k), levels, r.getLong(k + 1), r.getLong(k + 2)));
        }
        return rows;
    }

    /** Collected aggregates (k0..kn, t, d, c) and the number of rows read. */
    private record Aggregates(List<Row> rows, long read) {
    }

    /**
     * Validates and aggregates by the key columns (a null key is the constant {@link SurvivalData#NONE})
     * and time: events and censorings per key and time. Rows missing a value are dropped.
     */
    private static Aggregates aggregateBy(Dataset<Row> raw, String source, String time, String event,
                                          List<String> keys) {
        List<String> present = Arrays.asList(raw.columns());
        List<String> needed = new ArrayList<>(List.of(time, event));
        needed.addAll(keys);
        for (String c : needed) {
            if (c != null && !present.contains(c)) {
                throw new PipelineFailure(source + " has no column " + c + " (columns: " + String.join(", ", present) + ")");
            }
        }
        List<Column> select = new ArrayList<>(List.of(text(time).as("t_raw"), text(time).cast("double").as("t"),
                text(event).as("e")));
        Column complete = present(col("t_raw")).and(present(col("e"))).and(not(col("t").isNaN()));
        List<String> keyNames = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String name = "k" + i;
            keyNames.add(name);
            select.add(keys.get(i) == null ? lit(SurvivalData.NONE).as(name) : text(keys.get(i)).as(name));
            complete = keys.get(i) == null ? complete : complete.and(present(col(name)));
        }
        Dataset<Row> typed = raw.select(select.toArray(new Column[0]));
        Dataset<Row> kept = typed.filter(complete);
        // one scan counts the rows and every kind of bad time; only a failing run looks further
        Column notNumber = col("t").isNull();
        Column negative = col("t").lt(0);
        Column infinite = col("t").isin(Double.POSITIVE_INFINITY);
        Row check = typed.agg(count(lit(1)), count(when(complete.and(notNumber), 1)),
                count(when(complete.and(negative), 1)), count(when(complete.and(infinite), 1))).first();
        if (check.getLong(1) > 0) {
            failOn(typed, kept.filter(notNumber), source, "time", time, "is not a number");
        }
        if (check.getLong(2) > 0) {
            failOn(typed, kept.filter(negative), source, "time", time, "is negative");
        }
        if (check.getLong(3) > 0) {
            failOn(typed, kept.filter(infinite), source, "time", time, "is not finite");
        }
        Column isEvent = when(col("e").isin(eventValues(typed, kept, source, event).toArray()), 1L).otherwise(0L);
        List<Column> groupBy = new ArrayList<>();
        keyNames.forEach(n -> groupBy.add(col(n)));
        groupBy.add(col("t"));
        List<Row> rows = kept.groupBy(groupBy.toArray(new Column[0]))
                .agg(sum(isEvent).as("d"), sum(lit(1L).minus(isEvent)).as("c")).collectAsList();
        return new Aggregates(rows, check.getLong(0));
    }

    /** The event column's values that mean an event, after checking every value it holds. */
    private static List<String> eventValues(Dataset<Row> typed, Dataset<Row> kept, String source, String event) {
        Set<String> values = new LinkedHashSet<>();
        for (Row r : typed.filter(present(col("e"))).select("e").distinct().limit(MAX_EVENT_VALUES).collectAsList()) {
            values.add(r.getString(0));
        }
        EventCoding coding = EventCoding.detect(values);
        List<String> eventValues = new ArrayList<>();
        for (String v : values) {
            if (coding.read(v).isEmpty()) {
                failOn(typed, kept.filter(col("e").equalTo(v)), source, "event", event,
                        "is not one of 0, 1, true, false (or only 1 and 2, as R's Surv reads)");
            } else if (coding.read(v).get()) {
                eventValues.add(v);
            }
        }
        return eventValues;
    }

    private static Column text(String column) {
        return trim(col(column).cast("string"));
    }

    /** Not null, not empty, not NA (as SubjectRows reads a missing value). */
    private static Column present(Column c) {
        return c.isNotNull().and(c.notEqual("")).and(c.notEqual("NA"));
    }

    /** Stops the run naming the first offending row (1-based position in the input) and its value. */
    private static void failOn(Dataset<Row> typed, Dataset<Row> bad, String source, String what,
                               String column, String problem) {
        List<Row> first = bad.limit(1).collectAsList();
        if (first.isEmpty()) {
            return;
        }
        String value = what.equals("time") ? first.get(0).getString(0) : first.get(0).getString(2);
        throw new PipelineFailure(source + " row " + position(typed, what.equals("time") ? "t_raw" : "e", value)
                + ": " + what + " '" + value + "' in column " + column + " " + problem);
    }

    /** The 1-based position of the first row whose column holds the value, in the input's order. */
    private static long position(Dataset<Row> typed, String column, String value) {
        int index = Arrays.asList(typed.columns()).indexOf(column);
        List<scala.Tuple2<Row, Long>> hit = typed.javaRDD().zipWithIndex()
                .filter(p -> value.equals(p._1().getString(index))).take(1);
        return hit.isEmpty() ? -1 : hit.get(0)._2() + 1;
    }
}
