package org.oncorwe.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.oncorwe.ingest.contract.Column;
import org.oncorwe.ingest.contract.Derived;
import org.oncorwe.ingest.contract.TableContract;
import org.oncorwe.ingest.rules.RuleColumns;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The schema of one {@code staged_<table>} (outputs.md): patient_key, source file and line, every
 * non-PHI contract column typed (DATE, TIMESTAMP_NTZ, DOUBLE, INT grades, STRING codes), the
 * {@code _imputed} / {@code _time_known} flags, the mapped columns of the validator and the
 * cross-row rules, and the run's lineage columns. Canonical lab values are DECIMAL(38,10): exact,
 * because the CTCAE graders compare them at band edges (domain-rules §6, docs/decisions.md 77).
 */
public final class StagedTable implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final DataType EXACT = DataTypes.createDecimalType(38, 10);
    public static final List<String> LINEAGE = org.oncorwe.runtime.SparkTables.LINEAGE;

    private final TableContract table;
    private final List<String> names = new ArrayList<>();
    private final List<DataType> types = new ArrayList<>();

    public StagedTable(TableContract table) {
        this.table = table;
        add("patient_key", DataTypes.StringType);
        add("source_file", DataTypes.StringType);
        add("line_number", DataTypes.LongType);
        for (Column c : table.columns()) {
            if (c.phi() || c.name().equals(TableContract.PATIENT_ID)) {
                continue;
            }
            add(c.name(), switch (c.type()) {
                case DATE -> DataTypes.DateType;
                case DATE_TIME -> DataTypes.TimestampNTZType;
                case NUMBER, LAB_VALUE -> DataTypes.DoubleType;
                case GRADE -> DataTypes.IntegerType;
                default -> DataTypes.StringType;
            });
            if (c.partialDate()) {
                add(c.name() + Derived.IMPUTED, DataTypes.BooleanType);
            }
            if (c.type() == org.oncorwe.ingest.contract.ColumnType.DATE_TIME) {
                add(c.name() + Derived.TIME_KNOWN, DataTypes.BooleanType);
            }
        }
        switch (table.name()) {
            case "patient" -> add(RuleColumns.EFFECTIVE_LAST_CONTACT, DataTypes.DateType);
            case "drug_administration" -> {
                add(Derived.INGREDIENTS, DataTypes.createArrayType(DataTypes.StringType, false));
                add("ingredient", DataTypes.StringType);
                add(Derived.DRUG_CLASS, DataTypes.StringType);
                add(Derived.MAPPING_BASIS, DataTypes.StringType);
                add(Derived.DRUG_FORM, DataTypes.StringType);
                add(Derived.BIOSIMILAR, DataTypes.BooleanType);
                add(RuleColumns.ADMINISTRATION_ID, DataTypes.StringType);
                add(RuleColumns.ADMINISTRATION_GIVEN, DataTypes.BooleanType);
                add(RuleColumns.ADMINISTRATION_DATE, DataTypes.TimestampNTZType);
            }
            case "lab_result" -> {
                add(Derived.VALUE_COMPARATOR, DataTypes.StringType);
                add(Derived.ANALYTE, DataTypes.StringType);
                add(Derived.VALUE_CANONICAL, EXACT);
                add(Derived.UNIT_CANONICAL, DataTypes.StringType);
                add(Derived.REF_LOW_CANONICAL, EXACT);
                add(Derived.REF_HIGH_CANONICAL, EXACT);
                add(RuleColumns.DERIVED_ANC, EXACT);
            }
            case "tumor_assessment" -> add(RuleColumns.OVERALL_RESPONSE_DERIVED, DataTypes.BooleanType);
            case "measurement" -> {
                add("value_exact", EXACT);
                add(RuleColumns.UNIT_RECORDED, DataTypes.StringType);
            }
            case "adverse_event" -> add(Derived.CTCAE_TERM, DataTypes.StringType);
            default -> {
            }
        }
        LINEAGE.forEach(n -> add(n, DataTypes.StringType));
    }

    /** A published table's lineage columns (pipeline_version, config_hash, key_id) and its extract_date partition column. */
    public static org.apache.spark.sql.Dataset<Row> withLineage(org.apache.spark.sql.Dataset<Row> df, Map<String, String> lineage,
                                                             LocalDate extractDate) {
        for (String name : LINEAGE) {
            df = df.withColumn(name, org.apache.spark.sql.functions.lit(lineage.get(name)));
        }
        return df.withColumn("extract_date", org.apache.spark.sql.functions.lit(java.sql.Date.valueOf(extractDate)));
    }

    private void add(String name, DataType type) {
        names.add(name);
        types.add(type);
    }

    public String name() {
        return "staged_" + table.name();
    }

    public StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fields.add(DataTypes.createStructField(names.get(i), types.get(i), true));
        }
        return DataTypes.createStructType(fields);
    }

    /** One accepted row: values by column name (the outcome's), converted to the schema's external types. */
    public Row row(String patientKey, String file, long line, Map<String, Object> values, Map<String, String> lineage) {
        Object[] out = new Object[names.size()];
        // the first three columns are always patient_key, source_file, line_number; then by name, one lookup each
        out[0] = patientKey;
        out[1] = file;
        out[2] = line;
        for (int i = 3; i < names.size(); i++) {
            String name = names.get(i);
            Object value = switch (name) {
                case "ingredient" -> values.get(Derived.INGREDIENTS) instanceof List<?> ingredients
                        ? String.join("+", ingredients.stream().map(Object::toString).toList()) : values.get(name);
                case "value_exact" -> table.name().equals("measurement") ? values.get("value") : values.get(name);
                default -> lineage.containsKey(name) ? lineage.get(name) : values.get(name);
            };
            out[i] = external(value, types.get(i));
        }
        return RowFactory.create(out);
    }

    private static Object external(Object value, DataType type) {
        if (value == null) {
            return null;
        }
        if (type == DataTypes.DateType && value instanceof LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        if (type == DataTypes.DoubleType && value instanceof BigDecimal b) {
            return b.doubleValue();
        }
        if (type instanceof org.apache.spark.sql.types.DecimalType && value instanceof BigDecimal b) {
            return b.setScale(10, java.math.RoundingMode.HALF_UP);
        }
        if (type == DataTypes.IntegerType && value instanceof Number n) {
            return n.intValue();
        }
        if (type == DataTypes.LongType && value instanceof Number n) {
            return n.longValue();
        }
        if (type instanceof org.apache.spark.sql.types.ArrayType && value instanceof List<?> list) {
            return list.stream().map(Object::toString).toArray(String[]::new);
        }
        if (type == DataTypes.StringType && !(value instanceof String)) {
            return value instanceof Enum<?> e ? e.name() : value.toString();
        }
        return value;
    }
}
