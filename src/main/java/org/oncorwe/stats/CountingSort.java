package org.oncorwe.stats;

/** Orders of row indexes by small integer keys, for the columnar survival data. */
final class CountingSort {

    private CountingSort() {
    }

    /**
     * Indexes ordered by {@code key} (0 to {@code keys - 1}), stably: ties keep the order of
     * {@code within} (or index order when null). A counting sort: no comparisons.
     */
    static int[] stableOrder(int[] key, int keys, int[] within) {
        int n = key.length;
        int[] start = new int[keys + 1];
        for (int k : key) {
            start[k + 1]++;
        }
        for (int k = 0; k < keys; k++) {
            start[k + 1] += start[k];
        }
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            int i = within == null ? j : within[j];
            order[start[key[i]]++] = i;
        }
        return order;
    }
}
