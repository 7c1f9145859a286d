package org.stochad.engine;

import java.util.ArrayList;
import java.util.List;
import org.stochad.random.AddressedStream;

/** The per-run state shared by a sampler and its forks: the mode and what that mode collects. */
final class RunContext {

    /** What discrete draws do in this run. */
    enum Mode {
        /** Plain draws. */
        PRIMAL,
        /** Draws create perturbations (propagation). */
        PROPAGATE,
        /** Draws register candidate flips and add to the score (replay, primal run). */
        RECORD,
        /** One draw is forced to its alternative (replay, alternative run). */
        FORCED,
        /** Draws add to the score. */
        SCORE
    }

    final Mode mode;
    final int directions;
    final AddressedStream pruning;
    final double[] score;
    final Reservoir[] reservoirs;
    final List<Candidate> allCandidates;
    final Candidate target;
    long hash = 0x243F6A8885A308D3L;
    boolean targetReached;

    private RunContext(Mode mode, int directions, AddressedStream pruning, Reservoir[] reservoirs,
                       List<Candidate> allCandidates, Candidate target) {
        this.mode = mode;
        this.directions = directions;
        this.pruning = pruning;
        this.score = mode == Mode.SCORE || mode == Mode.RECORD ? new double[directions] : null;
        this.reservoirs = reservoirs;
        this.allCandidates = allCandidates;
        this.target = target;
    }

    static RunContext primal() {
        return new RunContext(Mode.PRIMAL, 0, null, null, null, null);
    }

    static RunContext propagate(AddressedStream pruning) {
        return new RunContext(Mode.PROPAGATE, 1, pruning, null, null, null);
    }

    static RunContext score(int directions) {
        return new RunContext(Mode.SCORE, directions, null, null, null, null);
    }

    static RunContext record(int directions, Reservoir[] reservoirs, boolean keepAll) {
        return new RunContext(Mode.RECORD, directions, null, reservoirs, keepAll ? new ArrayList<>() : null, null);
    }

    static RunContext forced(Candidate target) {
        return new RunContext(Mode.FORCED, 0, null, null, null, target);
    }

    void hashDraw(long hi, long lo, long index, double parameter) {
        long h = hash ^ AddressedStream.mix(hi + 31 * lo);
        h = AddressedStream.mix(h + index * 0x9E3779B97F4A7C15L);
        hash = AddressedStream.mix(h ^ Double.doubleToLongBits(parameter));
    }
}
