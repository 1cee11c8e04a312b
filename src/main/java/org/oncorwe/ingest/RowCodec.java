package org.oncorwe.ingest;

import org.oncorwe.ingest.contract.Column;
import org.oncorwe.ingest.contract.ExtractContract;
import org.oncorwe.ingest.contract.Finding;
import org.oncorwe.ingest.contract.Reject;
import org.oncorwe.ingest.contract.RejectReason;
import org.oncorwe.ingest.contract.RowFinding;
import org.oncorwe.ingest.contract.RowResult;
import org.oncorwe.ingest.contract.RowValues;
import org.oncorwe.ingest.contract.TableContract;
import org.oncorwe.ingest.rules.SourcedRow;
import org.oncorwe.runtime.PipelineFailure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes an ingested row travels in between Spark tasks (decision 264): a {@link SourcedRow}
 * from the reading task to the per-patient rules, and a file's {@link FileStats}. A tagged binary
 * layout in a plain byte array — no stream, no class descriptors, no object graph, value names as
 * indexes into a fixed dictionary — replacing Java serialization, which took 55 % of the rules phase
 * at 100 000 patients (docs/benchmarks.md). A contract table travels as its index; the value types
 * the validator and rules produce (text, dates, date-times, exact decimals, booleans, integers,
 * lists, enums) have their own tags; anything else falls back to Java serialization, so no value is
 * lost.
 */
public final class RowCodec {

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte BOOLEAN = 2;
    private static final byte INT = 3;
    private static final byte LONG = 4;
    private static final byte DOUBLE = 5;
    private static final byte DECIMAL = 6;
    private static final byte DATE = 7;
    private static final byte DATE_TIME = 8;
    private static final byte LIST = 9;
    private static final byte ENUM = 10;
    private static final byte JAVA = 11;

    private static final byte CONTRACT_TABLE = 0;
    private static final byte OTHER_TABLE = 1;

    private static final RejectReason[] REASONS = RejectReason.values();
    private static final Finding[] FINDINGS = Finding.values();
    private static final Map<String, Class<?>> ENUMS = new ConcurrentHashMap<>();

    private RowCodec() {
    }

    public static byte[] encode(SourcedRow row) {
        return write(out -> {
            table(out, row.table());
            out.writeUTF(row.file());
            out.writeLong(row.lineNumber());
            string(out, row.patientId());
            reject(out, row.earlyReject());
            out.writeBoolean(row.result() != null);
            if (row.result() != null) {
                RowResult r = row.result();
                out.writeLong(r.lineNumber());
                values(out, r.values());
                reject(out, r.reject());
                findings(out, r.findings());
            }
            string(out, row.identity());
        });
    }

    public static SourcedRow decodeSourcedRow(byte[] bytes) {
        return read(bytes, in -> {
            TableContract table = table(in);
            String file = in.readUTF();
            long line = in.readLong();
            String patientId = string(in);
            Reject early = reject(in);
            RowResult result = null;
            if (in.readBoolean()) {
                long resultLine = in.readLong();
                Map<String, Object> values = values(in);
                Reject reject = reject(in);
                result = new RowResult(resultLine, values, reject, findings(in));
            }
            return new SourcedRow(table, file, line, patientId, early, result, string(in));
        });
    }

    /**
     * A record's raw text for the rejects table's raw_record, should a rule reject it (decision 272):
     * each non-PHI contract column of {@code table}, in contract order, as present-and-text or absent;
     * patient_id as present only (the rejects show patient_key in its place). PHI never enters it.
     */
    public static byte[] encodeRaw(TableContract table, Map<String, String> raw) {
        return write(out -> {
            for (Column c : table.columns()) {
                if (c.phi()) {
                    continue;
                }
                boolean present = raw.containsKey(c.name());
                out.writeBoolean(present);
                if (present && !c.name().equals(TableContract.PATIENT_ID)) {
                    string(out, raw.get(c.name()));
                }
            }
        });
    }

    /** What {@link #encodeRaw} wrote, by column name; patient_id, when present, maps to null. */
    public static Map<String, String> decodeRaw(TableContract table, byte[] bytes) {
        return read(bytes, in -> {
            Map<String, String> raw = new HashMap<>();
            for (Column c : table.columns()) {
                if (c.phi() || !in.readBoolean()) {
                    continue;
                }
                raw.put(c.name(), c.name().equals(TableContract.PATIENT_ID) ? null : string(in));
            }
            return raw;
        });
    }

    public static byte[] encode(FileStats s) {
        return write(out -> {
            out.writeUTF(s.path());
            out.writeLong(s.records());
            string(out, s.sha256());
            out.writeLong(s.invalidEncoding());
        });
    }

    public static FileStats decodeFileStats(byte[] bytes) {
        return read(bytes, in -> new FileStats(in.readUTF(), in.readLong(), string(in), in.readLong()));
    }

    private interface Writer {
        void write(Out out) throws IOException;
    }

    private interface Reader<T> {
        T read(In in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        Out out = new Out();
        try {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try {
            return reader.read(new In(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The names values are kept under, sorted: every staged table's columns (contract, derived and
     * rule columns) and patient_id. Built from the contract alone, so every JVM of one build has the
     * same list; a name not in it travels as text.
     */
    private static final String[] NAMES;
    private static final Map<String, Integer> NAME_INDEX = new HashMap<>();

    static {
        TreeSet<String> names = new TreeSet<>();
        names.add(TableContract.PATIENT_ID);
        for (TableContract t : ExtractContract.TABLES) {
            t.columns().forEach(c -> names.add(c.name()));
            names.addAll(Arrays.asList(new StagedTable(t).schema().fieldNames()));
        }
        NAMES = names.toArray(String[]::new);
        for (int i = 0; i < NAMES.length; i++) {
            NAME_INDEX.put(NAMES[i], i);
        }
    }

    private static void name(Out out, String name) {
        Integer i = NAME_INDEX.get(name);
        if (i != null) {
            out.writeShort(i);
        } else {
            out.writeShort(-1);
            out.writeUTF(name);
        }
    }

    private static String name(In in) {
        int i = in.readShort();
        return i >= 0 ? NAMES[i] : in.readUTF();
    }

    /** A growing big-endian byte array: no stream, no lock per call. */
    private static final class Out {
        private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);
        private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);
        private byte[] buf = new byte[256];
        private int size;

        private void ensure(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        void writeByte(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        void writeBoolean(boolean b) {
            writeByte(b ? 1 : 0);
        }

        void writeShort(int v) {
            ensure(2);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        void writeInt(int v) {
            ensure(4);
            INT.set(buf, size, v);
            size += 4;
        }

        void writeLong(long v) {
            ensure(8);
            LONG.set(buf, size, v);
            size += 8;
        }

        void writeDouble(double v) {
            writeLong(Double.doubleToRawLongBits(v));
        }

        void write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        /** Length-prefixed UTF-8 (any length). */
        void writeUTF(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            writeInt(b.length);
            write(b);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    /** Reads what {@link Out} wrote. */
    private static final class In {
        private final ByteBuffer buf;

        In(byte[] bytes) {
            buf = ByteBuffer.wrap(bytes);
        }

        byte readByte() {
            return buf.get();
        }

        boolean readBoolean() {
            return buf.get() != 0;
        }

        short readShort() {
            return buf.getShort();
        }

        int readInt() {
            return buf.getInt();
        }

        long readLong() {
            return buf.getLong();
        }

        double readDouble() {
            return buf.getDouble();
        }

        void readFully(byte[] b) {
            buf.get(b);
        }

        String readUTF() {
            int n = buf.getInt();
            String s = new String(buf.array(), buf.arrayOffset() + buf.position(), n, StandardCharsets.UTF_8);
            buf.position(buf.position() + n);
            return s;
        }
    }

    private static void table(Out out, TableContract table) throws IOException {
        int i = ExtractContract.TABLES.indexOf(table); // identity first (TableContract.equals): no column compared
        if (i >= 0 && ExtractContract.TABLES.get(i) == table) {
            out.writeByte(CONTRACT_TABLE);
            out.writeByte(i);
        } else {
            out.writeByte(OTHER_TABLE);
            java(out, table);
        }
    }

    private static TableContract table(In in) throws IOException {
        return in.readByte() == CONTRACT_TABLE ? ExtractContract.TABLES.get(in.readByte()) : (TableContract) java(in);
    }

    private static void reject(Out out, Reject reject) throws IOException {
        out.writeBoolean(reject != null);
        if (reject != null) {
            out.writeShort(reject.reason().ordinal());
            string(out, reject.column());
            string(out, reject.detail());
        }
    }

    private static Reject reject(In in) throws IOException {
        return in.readBoolean() ? new Reject(REASONS[in.readShort()], string(in), string(in)) : null;
    }

    private static void findings(Out out, List<RowFinding> findings) throws IOException {
        out.writeInt(findings.size());
        for (RowFinding f : findings) {
            out.writeShort(f.finding().ordinal());
            string(out, f.column());
            string(out, f.value());
        }
    }

    private static List<RowFinding> findings(In in) throws IOException {
        int n = in.readInt();
        List<RowFinding> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new RowFinding(FINDINGS[in.readShort()], string(in), string(in)));
        }
        return out;
    }

    private static void values(Out out, Map<String, Object> values) throws IOException {
        out.writeInt(values.size());
        for (Map.Entry<String, Object> e : values.entrySet()) {
            name(out, e.getKey());
            value(out, e.getValue());
        }
    }

    private static Map<String, Object> values(In in) throws IOException {
        int n = in.readInt();
        LinkedHashMap<String, Object> out = new LinkedHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            out.put(name(in), value(in));
        }
        return RowValues.handOver(out);
    }

    /** The tag a value is written under: its type's own, or JAVA (Java serialization) for any other type. */
    private static byte tag(Object v) {
        if (v == null) {
            return NULL;
        }
        return v instanceof String ? STRING : v instanceof Boolean ? BOOLEAN : v instanceof Integer ? INT
                : v instanceof Long ? LONG : v instanceof Double ? DOUBLE : v instanceof BigDecimal ? DECIMAL
                : v instanceof LocalDate ? DATE : v instanceof LocalDateTime ? DATE_TIME : v instanceof List<?> ? LIST
                : v instanceof Enum<?> ? ENUM : JAVA;
    }

    /** Whether a value has a tag of its own (true for every value type the validator and the rules produce). */
    static boolean tagged(Object v) {
        byte tag = tag(v);
        return tag == LIST ? ((List<?>) v).stream().allMatch(RowCodec::tagged) : tag != JAVA;
    }

    private static void value(Out out, Object v) throws IOException {
        byte tag = tag(v);
        out.writeByte(tag);
        switch (tag) {
            case NULL -> {
            }
            case STRING -> text(out, (String) v);
            case BOOLEAN -> out.writeBoolean((Boolean) v);
            case INT -> out.writeInt((Integer) v);
            case LONG -> out.writeLong((Long) v);
            case DOUBLE -> out.writeDouble((Double) v);
            case DECIMAL -> {
                BigDecimal d = (BigDecimal) v;
                out.writeInt(d.scale());
                byte[] unscaled = d.unscaledValue().toByteArray();
                out.writeInt(unscaled.length);
                out.write(unscaled);
            }
            case DATE -> out.writeLong(((LocalDate) v).toEpochDay());
            case DATE_TIME -> {
                LocalDateTime t = (LocalDateTime) v;
                out.writeLong(t.toLocalDate().toEpochDay());
                out.writeLong(t.toLocalTime().toNanoOfDay());
            }
            case LIST -> {
                List<?> list = (List<?>) v;
                out.writeInt(list.size());
                for (Object o : list) {
                    value(out, o);
                }
            }
            case ENUM -> {
                Enum<?> e = (Enum<?>) v;
                out.writeUTF(e.getDeclaringClass().getName());
                out.writeUTF(e.name());
            }
            default -> java(out, (Serializable) v);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(In in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> text(in);
            case BOOLEAN -> in.readBoolean();
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case DECIMAL -> {
                int scale = in.readInt();
                byte[] unscaled = new byte[in.readInt()];
                in.readFully(unscaled);
                yield new BigDecimal(new BigInteger(unscaled), scale);
            }
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case DATE_TIME -> LocalDateTime.of(LocalDate.ofEpochDay(in.readLong()), LocalTime.ofNanoOfDay(in.readLong()));
            case LIST -> {
                int n = in.readInt();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(value(in));
                }
                yield List.copyOf(list);
            }
            case ENUM -> {
                String type = in.readUTF();
                Class<?> c = ENUMS.computeIfAbsent(type, RowCodec::enumClass);
                yield Enum.valueOf((Class) c, in.readUTF());
            }
            case JAVA -> java(in);
            default -> throw new PipelineFailure("cannot read back an ingest record: unknown value tag " + tag);
        };
    }

    private static Class<?> enumClass(String name) {
        try {
            return Class.forName(name, false, RowCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new PipelineFailure("cannot read back an ingest record: " + e.getMessage(), e);
        }
    }

    /** Null-safe text of any length (a damaged field may pass 65 535 bytes). */
    private static void string(Out out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            text(out, s);
        }
    }

    private static String string(In in) throws IOException {
        return in.readBoolean() ? text(in) : null;
    }

    private static void text(Out out, String s) {
        out.writeUTF(s);
    }

    private static String text(In in) {
        return in.readUTF();
    }

    private static void java(Out out, Serializable o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream object = new ObjectOutputStream(bytes)) {
            object.writeObject(o);
        }
        out.writeInt(bytes.size());
        out.write(bytes.toByteArray());
    }

    private static Object java(In in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        try (ObjectInputStream object = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return object.readObject();
        } catch (ClassNotFoundException e) {
            throw new PipelineFailure("cannot read back an ingest record: " + e.getMessage(), e);
        }
    }
}
