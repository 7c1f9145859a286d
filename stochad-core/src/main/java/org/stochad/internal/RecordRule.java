package org.stochad.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.stochad.StochasticTriple;
import org.stochad.distribution.ContinuousFamily;
import org.stochad.distribution.DiscreteFamilies;
import org.stochad.distribution.DiscreteFamily;

/**
 * The recording mode of replay (the primal run): the score, as in {@link ScoreRule}, and every
 * candidate flip offered to the weighted reservoirs — or kept, for exhaustive replay — with the
 * hash of the draws before it. Draws of continuous families are differentiated pathwise here,
 * not by their score: the replayed estimate needs their tangent, and the hybrid's score-function
 * part then uses the same pathwise tangent for them (unbiased either way).
 */
final class RecordRule extends ScoreRule {

    private final Reservoir[] reservoirs;
    private final List<Candidate> allCandidates;
    private final DrawHash hash = new DrawHash();
    private final boolean twoSidedBernoulli;
    private double[] reportedScoreEstimate;

    /**
     * @param directions the tangent directions
     * @param reservoirs the reservoirs the candidates are offered to
     * @param keepAll    whether to keep every candidate (exhaustive replay)
     */
    RecordRule(int directions, Reservoir[] reservoirs, boolean keepAll) {
        this(directions, reservoirs, keepAll, false);
    }

    /**
     * @param directions        the tangent directions
     * @param reservoirs        the reservoirs the candidates are offered to
     * @param keepAll           whether to keep every candidate (exhaustive replay)
     * @param twoSidedBernoulli whether a Bernoulli draw X flips to 1 − X with the signed weight
     *                          ±δp (see {@link org.stochad.StochasticAdOptions#twoSidedBernoulli()})
     */
    RecordRule(int directions, Reservoir[] reservoirs, boolean keepAll, boolean twoSidedBernoulli) {
        super(directions);
        this.reservoirs = reservoirs;
        this.allCandidates = keepAll ? new ArrayList<>() : null;
        this.twoSidedBernoulli = twoSidedBernoulli;
    }

    /**
     * Keeps the program's own score-function estimate (a copy).
     *
     * @throws IllegalArgumentException when it is null or not finite
     * @throws IllegalStateException    when the run reported one already
     */
    @Override
    public void reportScoreEstimate(double[] jacobian) {
        if (jacobian == null) {
            throw new IllegalArgumentException("reportScoreEstimate: jacobian = null");
        }
        for (int i = 0; i < jacobian.length; i++) {
            if (!Double.isFinite(jacobian[i])) {
                throw new IllegalArgumentException("reportScoreEstimate: jacobian[" + i + "] = " + jacobian[i]);
            }
        }
        if (reportedScoreEstimate != null) {
            throw new IllegalStateException("reportScoreEstimate: the run reported a score-function estimate twice");
        }
        reportedScoreEstimate = jacobian.clone();
    }

    /** @return the program's own score-function estimate of this run, or null when it reported none */
    double[] reportedScoreEstimate() {
        return reportedScoreEstimate;
    }

    /** @return every candidate of the run, in order, or null when they were not kept */
    List<Candidate> allCandidates() {
        return allCandidates;
    }

    @Override
    public StochasticTriple continuous(ContinuousFamily family, StochasticTriple[] params, double[] theta, double z) {
        return ContinuousDraws.pathwise(family, params, theta, z);
    }

    @Override
    void afterFamily(AddressedStream stream, DiscreteFamily family, StochasticTriple param, double theta, int x,
                     double pmf, double up, double down) {
        long index = stream.position();
        long prefix = hash.value();
        hash.add(stream, index, theta);
        int k = param.directions();
        if (twoSidedBernoulli && family == DiscreteFamilies.bernoulli()) {
            // the flip to the other outcome from either side: +δp from 0, −δp from 1
            offerSigned(stream, 1 - x, k, param::delta, x == 0 ? 1 : -1, index, prefix);
            return;
        }
        if (pmf > 0 && k > 0) {
            int[] ix = TripleAccess.sparseIndices(param);
            double[] v = ix == null ? null : TripleAccess.sparseValues(param);
            offer(stream, x + 1, k, param::delta, ix, v, -up / pmf, index, prefix);
            offer(stream, x - 1, k, param::delta, ix, v, down / pmf, index, prefix);
        }
    }

    @Override
    void afterFamilyN(AddressedStream stream, double[] theta, int x, double pmf, double[] up, double[] down) {
        long index = stream.position();
        long prefix = hash.value();
        hash.add(stream, index, theta);
        int k = up.length;
        if (pmf > 0 && k > 0) {
            offer(stream, x + 1, k, j -> up[j], null, null, -1 / pmf, index, prefix);
            offer(stream, x - 1, k, j -> down[j], null, null, 1 / pmf, index, prefix);
        }
    }

    @Override
    void afterCategorical(AddressedStream stream, StochasticTriple[] probabilities, double[] p, double sum, int x) {
        long index = stream.position();
        long prefix = hash.value();
        hash.add(stream, index, sum);
        if (!anyTangent(probabilities)) {
            return; // every flip would weigh 0 and be offered to no reservoir
        }
        CategoricalFlips flips = new CategoricalFlips(probabilities, p, x, score().length);
        for (int t = 0; t < flips.upTargets.length; t++) {
            double[] g = flips.gUp[t];
            offer(stream, flips.upTargets[t], g.length, j -> g[j], null, null, -1 / p[x], index, prefix);
        }
        for (int t = 0; t < flips.downTargets.length; t++) {
            double[] g = flips.gDown[t];
            offer(stream, flips.downTargets[t], g.length, j -> g[j], null, null, 1 / p[x], index, prefix);
        }
    }

    private static boolean anyTangent(StochasticTriple[] probabilities) {
        for (StochasticTriple t : probabilities) {
            if (hasTangent(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Offers the flip to {@code target} with weights w_j = max(0, g(j)·scale), j &lt; k, to the
     * reservoirs; the candidate itself is only built when some reservoir keeps it. With a sparse
     * g ({@code ix} and {@code v} not null, every other component a signed zero) only its entries
     * are visited: the others weigh +0.0, which leaves the norm as it is.
     */
    private void offer(AddressedStream stream, int target, int k, IntToDoubleFunction g, int[] ix, double[] v,
                       double scale, long index, long prefix) {
        int[] sparse = ix != null && Double.isFinite(scale) ? ix : null;
        double norm = 0;
        if (sparse != null) {
            for (int p = 0; p < sparse.length; p++) {
                norm += Math.max(0, v[p] * scale);
            }
        } else {
            for (int j = 0; j < k; j++) {
                norm += Math.max(0, g.applyAsDouble(j) * scale);
            }
        }
        if (!(norm > 0)) {
            return;
        }
        Candidate c = null;
        for (Reservoir r : reservoirs) {
            if (r.offer(norm)) {
                c = c == null ? candidate(stream, target, k, g, sparse, v, scale, norm, index, prefix) : c;
                r.keep(c);
            }
        }
        if (allCandidates != null) {
            allCandidates.add(c == null ? candidate(stream, target, k, g, sparse, v, scale, norm, index, prefix) : c);
        }
    }

    /**
     * Offers the flip to {@code target} with signed weights w_j = g(j)·scale, sampled by
     * ‖w‖₁; the replayed estimate W·(w_j/‖w‖₁)·(f_alt − f) then carries the sign.
     */
    private void offerSigned(AddressedStream stream, int target, int k, IntToDoubleFunction g, double scale,
                             long index, long prefix) {
        double[] w = new double[k];
        double norm = 0;
        for (int j = 0; j < k; j++) {
            w[j] = g.applyAsDouble(j) * scale;
            norm += Math.abs(w[j]);
        }
        if (!(norm > 0)) {
            return;
        }
        Candidate c = new Candidate(stream.addressHi(), stream.addressLo(), index, target, w, norm, prefix);
        for (Reservoir r : reservoirs) {
            if (r.offer(norm)) {
                r.keep(c);
            }
        }
        if (allCandidates != null) {
            allCandidates.add(c);
        }
    }

    private static Candidate candidate(AddressedStream stream, int target, int k, IntToDoubleFunction g, int[] ix,
                                       double[] v, double scale, double norm, long index, long prefix) {
        double[] w = new double[k];
        if (ix != null) {
            for (int p = 0; p < ix.length; p++) {
                w[ix[p]] = Math.max(0, v[p] * scale);
            }
        } else {
            for (int j = 0; j < k; j++) {
                w[j] = Math.max(0, g.applyAsDouble(j) * scale);
            }
        }
        return new Candidate(stream.addressHi(), stream.addressLo(), index, target, w, norm, prefix);
    }
}
