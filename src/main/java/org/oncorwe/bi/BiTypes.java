package org.oncorwe.bi;

import java.util.Locale;

/**
 * The SQL type a BI engine gives a Parquet column OncoRWE writes, from Spark's simple type name:
 * what DuckDB reports (DESCRIBE) and what a Trino Hive table declares. TIMESTAMP_NTZ is written as
 * TIMESTAMP_MICROS not adjusted to UTC, which both read as a plain TIMESTAMP.
 */
public final class BiTypes {

    private BiTypes() {
    }

    public static String duckDb(String sparkType) {
        String t = sparkType.toLowerCase(Locale.ROOT);
        if (t.startsWith("array<") && t.endsWith(">")) {
            return duckDb(t.substring(6, t.length() - 1)) + "[]";
        }
        if (t.startsWith("decimal(")) {
            return t.toUpperCase(Locale.ROOT);
        }
        return switch (t) {
            case "date" -> "DATE";
            case "timestamp_ntz" -> "TIMESTAMP";
            case "timestamp" -> "TIMESTAMP WITH TIME ZONE";
            case "double" -> "DOUBLE";
            case "bigint" -> "BIGINT";
            case "int" -> "INTEGER";
            case "boolean" -> "BOOLEAN";
            case "string" -> "VARCHAR";
            default -> throw new IllegalArgumentException("no BI type for Spark type " + sparkType);
        };
    }

    public static String trino(String sparkType) {
        String t = sparkType.toLowerCase(Locale.ROOT);
        if (t.startsWith("array<") && t.endsWith(">")) {
            return "array(" + trino(t.substring(6, t.length() - 1)) + ")";
        }
        if (t.startsWith("decimal(")) {
            return t;
        }
        return switch (t) {
            case "date" -> "date";
            case "timestamp_ntz", "timestamp" -> "timestamp";
            case "double" -> "double";
            case "bigint" -> "bigint";
            case "int" -> "integer";
            case "boolean" -> "boolean";
            case "string" -> "varchar";
            default -> throw new IllegalArgumentException("no Trino type for Spark type " + sparkType);
        };
    }
}
