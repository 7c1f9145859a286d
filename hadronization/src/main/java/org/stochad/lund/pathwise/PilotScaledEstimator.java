package org.stochad.lund.pathwise;

import java.util.Arrays;
import java.util.Locale;
import org.stochad.ChunkedEstimator;
import org.stochad.EstimateChunk;
import org.stochad.EstimateRequest;
import org.stochad.Estimator;
import org.stochad.GradientEstimate;
import org.stochad.StochasticProgram;

/**
 * An estimator whose samples are all multiplied by one factor K̂ that a pilot run estimates per θ
 * (the attempts per event of conditioned restarts): K̂'s error does not average away with the
 * samples, so each component's standard error becomes √(se² + (g·r)²), r = se(K̂)/K̂ at θ, and the
 * estimate's note says so; the per-sample variance stays the samples'. Chunked when the inner
 * estimator is; the chunks carry their θ, so an estimate finished from chunks (on Spark, say) gets
 * the same error.
 */
public final class PilotScaledEstimator implements ChunkedEstimator, java.io.Serializable {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    /** The relative standard error r = se(K̂)/K̂ of the factor at θ. */
    @FunctionalInterface
    public interface RelativeError extends java.io.Serializable {

        /**
         * @param theta the parameter point
         * @return se(K̂)/K̂ there, &ge; 0
         */
        double at(double[] theta);
    }

    private final Estimator inner;
    private final RelativeError error;

    /**
     * @param inner the estimator of the scaled samples
     * @param error the factor's relative error by θ
     */
    public PilotScaledEstimator(Estimator inner, RelativeError error) {
        if (inner == null || error == null) {
            throw new IllegalArgumentException("inner = " + inner + ", error = " + error);
        }
        this.inner = inner;
        this.error = error;
    }

    @Override
    public GradientEstimate estimate(StochasticProgram program, double[] theta, int samples, long seed) {
        return withError(inner.estimate(program, theta, samples, seed), theta);
    }

    @Override
    public GradientEstimate estimate(StochasticProgram program, double[] theta, EstimateRequest request) {
        return withError(inner.estimate(program, theta, request), theta);
    }

    @Override
    public GradientEstimate sampleEstimate(StochasticProgram program, double[] theta, long seed, long sample) {
        return withError(chunked().sampleEstimate(program, theta, seed, sample), theta);
    }

    @Override
    public EstimateChunk chunk(StochasticProgram program, double[] theta, long seed, long first, int count) {
        return new AtThetaChunk(chunked().chunk(program, theta, seed, first, count), theta.clone());
    }

    /** The merged chunks' estimate, with the factor's error at the θ they were made at. */
    @Override
    public GradientEstimate finish(EstimateChunk all, long nanos) {
        if (!(all instanceof AtThetaChunk c)) {
            throw new IllegalArgumentException("all = " + all + " is not a chunk of this estimator");
        }
        return withError(chunked().finish(c.sums(), nanos), c.theta());
    }

    private ChunkedEstimator chunked() {
        if (!(inner instanceof ChunkedEstimator c)) {
            throw new UnsupportedOperationException(inner.name() + " does not estimate in chunks");
        }
        return c;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new PilotScaledEstimator(inner.withParallelism(threads), error);
    }

    /** The estimate with the factor's error added to each component's standard error. */
    private GradientEstimate withError(GradientEstimate e, double[] theta) {
        double r = error.at(theta);
        if (!(r >= 0) || Double.isInfinite(r)) {
            throw new IllegalStateException("the pilot's relative error at theta = " + Arrays.toString(theta) + " is "
                    + r);
        }
        double[] mean = e.mean();
        double[] se = e.standardError();
        for (int j = 0; j < se.length; j++) {
            se[j] = Math.hypot(se[j], mean[j] * r);
        }
        String note = String.format(Locale.ROOT, "s.e. includes the pilot's K-hat error (%.2g %% of the estimate)",
                100 * r);
        return new GradientEstimate(e.value(), mean, se, e.variance(), e.samples(), e.nanos(),
                e.note().isEmpty() ? note : e.note() + "; " + note);
    }

    /** A chunk of the inner estimator's sums with the θ they were made at. */
    private record AtThetaChunk(EstimateChunk sums, double[] theta) implements EstimateChunk {

        @java.io.Serial
        private static final long serialVersionUID = 1L;

        @Override
        public long first() {
            return sums.first();
        }

        @Override
        public long count() {
            return sums.count();
        }

        @Override
        public EstimateChunk merge(EstimateChunk next) {
            if (!(next instanceof AtThetaChunk n) || !Arrays.equals(theta, n.theta)) {
                throw new IllegalArgumentException("next = " + next + " is not a chunk of this estimator at theta = "
                        + Arrays.toString(theta));
            }
            return new AtThetaChunk(sums.merge(n.sums), theta);
        }
    }
}
