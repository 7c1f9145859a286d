package org.stochad.lund.pathwise;

import java.util.Arrays;

/**
 * One thread's record of the expensive deterministic steps of the last run with tangents (the
 * joint stop's quadratures, finalTwo's region), each under the exact bits of its inputs, so that
 * the replayed runs of stochastic AD — the same program on the same streams, without tangents —
 * take them over instead of recomputing them for as long as they repeat the recorded run: up to the
 * forced draw every input is the same, bit for bit, and so is every result (a step's values do
 * not depend on whether tangents are carried; the replay's draw hash checks it). A step is taken
 * over only when its kind and all its inputs equal the next recorded step's; after the first
 * difference the run computes everything itself. So the results are those of recomputing, in any
 * order of runs and for any program. Not thread-safe: one per thread.
 */
final class PrefixMemo {

    /** Kind of a joint stop/z step. */
    static final int KIND_JOINT = 1;
    /** Kind of a finalTwo region. */
    static final int KIND_FINAL_PLANE = 2;
    /** Kind of a whole string step of the smear-stop formulation (its draws' outcomes and results). */
    static final int KIND_STEP = 3;

    private int[] kinds = new int[32];
    private double[][] keys = new double[32][];
    private Object[] values = new Object[32];
    private int size;
    private int cursor;
    private boolean recording;
    private boolean live;

    /** Starts a run with tangents: its steps replace the record. */
    void startRecording() {
        Arrays.fill(values, 0, size, null);
        Arrays.fill(keys, 0, size, null);
        size = 0;
        recording = true;
        live = false;
    }

    /** Starts a run without tangents: it reads the record from its first step on. */
    void startReplay() {
        recording = false;
        cursor = 0;
        live = size > 0;
    }

    /**
     * @param kind the step's kind
     * @param key  its inputs
     * @return the recorded result of the next recorded step when it has this kind and these inputs
     *         (bit for bit) and every earlier step of this run was taken over too; else null
     */
    Object lookup(int kind, double[] key) {
        if (!live) {
            return null;
        }
        if (cursor < size && kinds[cursor] == kind && sameBits(keys[cursor], key)) {
            return values[cursor++];
        }
        live = false;
        return null;
    }

    /**
     * Ends the taking over in this run: a step taken over turned out to differ from the recorded one
     * (a draw's outcome — the forced flip — or its result), so every later step is computed.
     */
    void abandon() {
        live = false;
    }

    /**
     * Records a step of a run with tangents (ignored in a run without).
     *
     * @param kind  the step's kind
     * @param key   its inputs
     * @param value its result
     */
    void record(int kind, double[] key, Object value) {
        if (!recording) {
            return;
        }
        if (size == kinds.length) {
            kinds = Arrays.copyOf(kinds, 2 * size);
            keys = Arrays.copyOf(keys, 2 * size);
            values = Arrays.copyOf(values, 2 * size);
        }
        kinds[size] = kind;
        keys[size] = key;
        values[size] = value;
        size++;
    }

    private static boolean sameBits(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                return false;
            }
        }
        return true;
    }
}
