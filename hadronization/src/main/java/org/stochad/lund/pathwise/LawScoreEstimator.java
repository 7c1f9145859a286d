package org.stochad.lund.pathwise;

import org.stochad.ChunkedEstimator;
import org.stochad.EstimateChunk;
import org.stochad.EstimateRequest;
import org.stochad.Estimator;
import org.stochad.GradientEstimate;
import org.stochad.Samplers;
import org.stochad.ScoreEstimator;
import org.stochad.ScoredSample;
import org.stochad.StochasticProgram;
import org.stochad.lund.FastFragmenter;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;

/**
 * The score function of the Lund law with restarts conditioned and per-step control variates, on
 * the fast path: per sample, the first attempt only, and
 *
 * <pre>  K̂·[1_s·(f − m̂)·S_j − Σ_f β_jf·Φ_fj]</pre>
 *
 * with S the attempt's score in the law's own parameterisation ({@link LawScore}: z's density, not
 * its accept/reject decisions), Φ the control variates ({@link StepStates}: the string's state at each
 * segment's start times the segment's score, and times each z and pT draw's score-weighted
 * sufficient statistics less their exact conditional means), and m̂ (the
 * mean of f), K̂ (attempts per event, mean exactly 1/P_s) and β (least squares of 1_s·(f − m̂)·S_j on
 * Φ_·j) from three independent pilot runs per θ whose seeds derive from {@code Random:seed}
 * ({@link RestartPilots#lawScore}). Since the event is the first successful attempt,
 * d⟨f⟩ = (dE[1_s·f] − ⟨f⟩·dP_s)/P_s, so the estimate is unbiased over the pilots' randomness for any
 * β. K̂ multiplies every sample alike, so its own error (about 0.3 % of the gradient at 2·10⁴ pilot
 * events, 2 % at 300) does not average away with the samples: the reported standard error adds it
 * ({@link PilotScaledEstimator}). This is the score half of the pathwise hybrid, without stochastic AD's run: no tangents,
 * no replays.
 *
 * <p>Made for one {@link LundProgram} (its settings and observable; θ = (a, b, σ, ρ), or (a, b) for
 * {@link LundProgram#overAB()} with σ and ρ at the settings' values); estimating another program is
 * an error. The sample's value is m̂ + K̂·1_s·(f − m̂), whose mean is ⟨f⟩.
 */
public final class LawScoreEstimator implements ChunkedEstimator, java.io.Serializable {

    @java.io.Serial
    private static final long serialVersionUID = 2L;

    /** The estimator's name in tables. */
    public static final String NAME = "score + per-step control variates (Lund law, restarts conditioned)";

    private final Samples samples;
    /** The samples with the pilot's K̂ error added to their standard error. */
    private final PilotScaledEstimator scaled;

    private LawScoreEstimator(LundProgram program, int parallelism, int pilotEvents) {
        Samples s = new Samples(program, parallelism, pilotEvents);
        samples = s;
        scaled = new PilotScaledEstimator(s, theta -> {
            RestartPilot pilot = s.atTheta(theta).pilot();
            return pilot.attemptsSe() / pilot.attempts();
        });
    }

    /**
     * @param program     the Lund program whose gradient is estimated (one observable)
     * @param parallelism worker threads
     * @return the estimator, its pilots of {@code Lund:pathwisePilotEvents} events per run
     */
    public static LawScoreEstimator of(LundProgram program, int parallelism) {
        if (program == null) {
            throw new IllegalArgumentException("program = null");
        }
        return new LawScoreEstimator(program, parallelism, program.settings().pathwisePilotEvents());
    }

    /**
     * @param program     the Lund program whose gradient is estimated (one observable)
     * @param parallelism worker threads
     * @param pilotEvents events of each of the three pilot runs per θ (m̂, K̂, β), &ge; 100
     * @return the estimator
     */
    public static LawScoreEstimator of(LundProgram program, int parallelism, int pilotEvents) {
        return new LawScoreEstimator(program, parallelism, pilotEvents);
    }

    /** @return the program this estimator is made for */
    public LundProgram program() {
        return samples.program;
    }

    @Override
    public GradientEstimate estimate(StochasticProgram program, double[] theta, int n, long seed) {
        return scaled.estimate(program, theta, n, seed);
    }

    @Override
    public GradientEstimate estimate(StochasticProgram program, double[] theta, EstimateRequest request) {
        return scaled.estimate(program, theta, request);
    }

    @Override
    public GradientEstimate sampleEstimate(StochasticProgram program, double[] theta, long seed, long sample) {
        return scaled.sampleEstimate(program, theta, seed, sample);
    }

    @Override
    public EstimateChunk chunk(StochasticProgram program, double[] theta, long seed, long first, int count) {
        return scaled.chunk(program, theta, seed, first, count);
    }

    @Override
    public GradientEstimate finish(EstimateChunk all, long nanos) {
        return scaled.finish(all, nanos);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Estimator withParallelism(int threads) {
        return new LawScoreEstimator(samples.program, threads, samples.pilotEvents);
    }

    /** The per-sample estimates, as a plain score estimator. */
    private static final class Samples extends ScoreEstimator {

        @java.io.Serial
        private static final long serialVersionUID = 1L;

        private final LundProgram program;
        /** Events of each pilot run (A, B and C). */
        private final int pilotEvents;
        /** The fast path, the pilots and the last θ's law score and pilot, built again after deserialisation. */
        private transient FastFragmenter fast;
        private transient RestartPilots pilots;
        private transient volatile AtTheta last;

        /** The law score at one θ and its pilot. */
        private record AtTheta(LawScore law, RestartPilot pilot) {
        }

        Samples(LundProgram program, int parallelism, int pilotEvents) {
            super(NAME, false, parallelism);
            if (program == null) {
                throw new IllegalArgumentException("program = null");
            }
            if (program.dimension() != 4 && program.dimension() != 2) {
                throw new IllegalArgumentException("program = " + program + ": the law score needs theta = (a, b,"
                        + " sigma, rho) or (a, b), not " + program.dimension() + " parameters");
            }
            if (pilotEvents < 100) {
                throw new IllegalArgumentException("pilotEvents = " + pilotEvents + " is less than 100");
            }
            this.program = program;
            this.pilotEvents = pilotEvents;
            init();
        }

        private void init() {
            LundSettings s = program.settings().with(LundSettings.DIFFERENTIATION,
                    LundSettings.Differentiation.FLIPS.word()).with(LundSettings.PATHWISE_PILOT_EVENTS, pilotEvents);
            fast = new FastFragmenter(s);
            pilots = RestartPilots.lawScore(s, program.observable());
        }

        @java.io.Serial
        private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
            in.defaultReadObject();
            init();
        }

        @Override
        protected ScoredSample sample(StochasticProgram given, double[] theta, long seed, int sample) {
            if (given != program) {
                throw new IllegalArgumentException("program = " + given + " is not the one this law-score estimator was"
                        + " made for (" + program + ")");
            }
            int k = program.dimension();
            if (theta.length != k) {
                throw new IllegalArgumentException("theta must have " + k + " components ("
                        + (k == 4 ? "a, b, sigma, rho" : "a, b") + "), has " + theta.length);
            }
            AtTheta here = atTheta(theta);
            RestartPilot pilot = here.pilot();
            RestartPilot.ScoredAttempt at = here.law().attempt(Samplers.primalStream(seed, sample));
            double m = pilot.mean();
            double attempts = pilot.attempts();
            double g = at.event() == null ? 0 : program.observable().value(at.event()).value() - m;
            double[] gradient = new double[k];
            for (int j = 0; j < k; j++) {
                gradient[j] = attempts * (g * at.score()[j] - pilot.baselineTerm(at.stateScores(), j));
            }
            // the whole per-sample estimate goes in as the "pathwise" part of a plain (baseline-free) score estimator
            return new ScoredSample(m + attempts * g, gradient, new double[k]);
        }

        /**
         * The law score at θ (σ and ρ from the settings over (a, b); ρ as the fragmenters see it: 0 in
         * pions-only mode) and its pilot, kept for the next sample.
         */
        AtTheta atTheta(double[] theta) {
            LundSettings s = program.settings();
            double sigma = theta.length == 4 ? theta[2] : s.sigma();
            double rho = s.pionsOnlyMode() ? 0 : theta.length == 4 ? theta[3] : s.effectiveProbStoUD();
            double[] t = {theta[0], theta[1], sigma, rho};
            AtTheta l = last;
            if (l == null || !l.law().isAt(t)) {
                LawScore law = new LawScore(fast, s, t);
                l = new AtTheta(law, pilots.at(law));
                last = l;
            }
            return l;
        }

        @Override
        public Estimator withParallelism(int threads) {
            return new Samples(program, threads, pilotEvents);
        }
    }
}
