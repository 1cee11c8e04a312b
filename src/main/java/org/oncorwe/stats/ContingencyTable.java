package org.oncorwe.stats;

/** A table of counts (rows x columns) with its margins; the data of the proportion tests. */
public final class ContingencyTable {

    private final long[][] counts;
    private final long[] rowTotals;
    private final long[] columnTotals;
    private final long total;

    private ContingencyTable(long[][] counts) {
        this.counts = counts;
        rowTotals = new long[counts.length];
        columnTotals = new long[counts[0].length];
        long n = 0;
        for (int i = 0; i < counts.length; i++) {
            Arguments.checkSameLength(columnTotals.length, counts[i].length, "row " + i);
            for (int j = 0; j < columnTotals.length; j++) {
                long c = Arguments.checkCount(counts[i][j]);
                rowTotals[i] += c;
                columnTotals[j] += c;
                n += c;
            }
        }
        total = n;
    }

    /** From rows of counts (copied). */
    public static ContingencyTable of(long[]... rows) {
        if (rows.length == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("a table needs at least one row and one column");
        }
        long[][] copy = new long[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return new ContingencyTable(copy);
    }

    public int rows() {
        return counts.length;
    }

    public int columns() {
        return columnTotals.length;
    }

    public long count(int row, int column) {
        return counts[row][column];
    }

    public long rowTotal(int row) {
        return rowTotals[row];
    }

    public long columnTotal(int column) {
        return columnTotals[column];
    }

    public long total() {
        return total;
    }

    /** The count expected under independence: row total x column total / total. */
    public double expected(int row, int column) {
        return (double) rowTotals[row] * columnTotals[column] / total;
    }
}
