package org.stochad.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.stochad.Estimators;
import org.stochad.Samplers;
import org.stochad.StochasticAdOptions;
import org.stochad.lund.Event;
import org.stochad.lund.FastFragmenter;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.PrimalSampler;
import org.stochad.lund.StringFragmenter;
import org.stochad.lund.observable.Observables;
import org.stochad.lund.reweight.RsaWeights;

/**
 * A small timed runner for the side-by-side benchmark with Pythia ({@code benchmarks/pythia/run.sh}):
 * the CPU time per event of one u-ū string at 100 GeV, pions only, in several modes, measured
 * interleaved (rounds of a chunk per mode, modes rotating) on one thread with
 * {@link ThreadMXBean#getCurrentThreadCpuTime()}.
 *
 * <p>Modes: {@code fast} (the primal fast path into a reusable buffer), {@code fastPythia} (the
 * same with Pythia's own z proposals: zHead = 1 and the peaked envelopes, so its events differ from
 * the estimators' primal runs), {@code fastEvent} (the
 * fast path making {@link Event}s), {@code primal} (the differentiable path's primal run,
 * {@code StringFragmenter} with {@code PrimalSampler}, recording the fragmentation history as
 * {@code fragment(sampler)} does), {@code primalRun} (the same without the history, as
 * {@code LundProgram.run} makes the primal run of every estimator but the score function),
 * {@code rsaSample} (one score-function
 * sample of the RSA derivative estimator: fast path with history plus Σ ∂θ ln p on doubles),
 * {@code scoreSample} (one sample of the core score-function estimator on the Lund program,
 * multiplicity observable; the program gives it on doubles through {@code ScoredProgram}),
 * {@code scoreTriples} (the same sample with the program run on triples, as the estimator runs a
 * program that is not a {@code ScoredProgram}; bit-identical estimates) and
 * {@code pathwiseSad} (one stochastic-AD sample of all four parameters in the pathwise mode with the
 * joint stop and finalTwo in the plane, two-sided Bernoulli flips, multiplicity observable: the
 * primal run with tangents and the replayed alternative) and {@code pathwiseHybrid} (one sample of
 * the best measured pathwise estimator: the hybrid mixing that with the score of the same event, on
 * the pathwise defaults — smear stop, finalTwo split radially — with restarts conditioned; its
 * pilots run in the warm-up), {@code pathwiseSadSmear} (pure stochastic AD on that program: the
 * same sample without the score mixed in). Output: one JSON object on standard
 * output: per mode the median and the rounds' CPU µs per event, and the bytes allocated per event on
 * the measuring thread (median of the rounds,
 * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}; −1 where the JVM does not
 * measure it).
 */
public final class LundTiming {

    private static final String[] DEFAULT_MODES = {"fast", "fastPythia", "fastEvent", "primal", "primalRun",
        "rsaSample", "scoreSample", "scoreTriples", "pathwiseSad", "pathwiseSadSmear", "pathwiseHybrid"};

    private LundTiming() {
    }

    /**
     * @param args events per mode per round (default 20000), rounds (default 5), warm-up events per
     *             mode (default 20000), modes (comma-separated; default all of the above; also
     *             {@code thrustSweep}, {@code thrustCubic}: a fast-path event plus its thrust axis by
     *             the O(n² log n) sweep or the O(n³) scan)
     */
    public static void main(String[] args) {
        int chunk = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        String[] modes = args.length > 3 ? args[3].split(",") : DEFAULT_MODES;
        LundSettings s = LundSettings.pionsOnly().with(LundSettings.A_LUND, 0.68).with(LundSettings.B_LUND, 0.98)
                .with(LundSettings.SIGMA, 0.335).with(LundSettings.E_CM, 100.0);
        Runner r = new Runner(s);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean alloc = bean instanceof com.sun.management.ThreadMXBean b
                && b.isThreadAllocatedMemorySupported() && b.isThreadAllocatedMemoryEnabled() ? b : null;
        long next = 0;
        for (String m : modes) {
            r.run(m, next, warm);
            next += warm;
        }
        double[][] us = new double[modes.length][rounds];
        double[][] bytes = new double[modes.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < modes.length; k++) {
                int mode = (k + round) % modes.length;
                long a0 = alloc == null ? 0 : alloc.getCurrentThreadAllocatedBytes();
                long t0 = bean.getCurrentThreadCpuTime();
                r.run(modes[mode], next, chunk);
                long t1 = bean.getCurrentThreadCpuTime();
                long a1 = alloc == null ? 0 : alloc.getCurrentThreadAllocatedBytes();
                next += chunk;
                us[mode][round] = (t1 - t0) / 1e3 / chunk;
                bytes[mode][round] = alloc == null ? -1 : (double) (a1 - a0) / chunk;
            }
        }
        StringBuilder b = new StringBuilder("{\"chunk\":" + chunk + ",\"rounds\":" + rounds + ",\"modes\":{");
        for (int k = 0; k < modes.length; k++) {
            double[] v = us[k].clone();
            Arrays.sort(v);
            double[] a = bytes[k].clone();
            Arrays.sort(a);
            b.append(k > 0 ? "," : "").append('"').append(modes[k]).append("\":{\"median_us\":")
                    .append(String.format(Locale.ROOT, "%.4f", v[v.length / 2])).append(",\"bytes_per_event\":")
                    .append(String.format(Locale.ROOT, "%.0f", a[a.length / 2])).append(",\"rounds_us\":[");
            for (int i = 0; i < rounds; i++) {
                b.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "%.4f", us[k][i]));
            }
            b.append("]}");
        }
        b.append("},\"checksum\":").append(r.sink).append('}');
        System.out.println(b);
    }

    /** The modes' work; {@code sink} keeps the results alive. */
    private static final class Runner {
        final FastFragmenter fast;
        final FastFragmenter.Buffer buf;
        /** The fast path with Pythia's z proposals (zHead = 1, peaked envelopes). */
        final FastFragmenter fastPythia;
        final FastFragmenter.Buffer bufPythia;
        final StringFragmenter slow;
        final org.stochad.lund.LundParameters parameters;
        final RsaWeights weights;
        final double[] theta;
        final LundProgram program;
        /** The program behind a lambda: not a ScoredProgram, so the estimator runs it on triples. */
        final org.stochad.StochasticProgram onTriples;
        /** The pathwise mode's program (joint stop, finalTwo in the plane), multiplicity observable. */
        final LundProgram pathwise;
        /** The hybrid's program: the pathwise defaults (smear stop, finalTwo radial), restarts conditioned. */
        final LundProgram pathwiseHybrid;
        long sink;

        Runner(LundSettings s) {
            fast = new FastFragmenter(s);
            buf = fast.newBuffer();
            fastPythia = new FastFragmenter(s.with(LundSettings.Z_HEAD, 1.0)
                    .with(LundSettings.PEAKED_ENVELOPES, true));
            bufPythia = fastPythia.newBuffer();
            slow = new StringFragmenter(s);
            parameters = org.stochad.lund.LundParameters.of(s);
            weights = RsaWeights.of(s);
            theta = s.theta();
            program = LundProgram.of(s, Observables.multiplicity());
            onTriples = program::run;
            pathwise = LundProgram.of(s.with(LundSettings.DIFFERENTIATION, "pathwise")
                    .with(LundSettings.PATHWISE_STOP, "joint").with(LundSettings.PATHWISE_FINAL_TWO, "plane"),
                    Observables.multiplicity());
            pathwiseHybrid = LundProgram.of(s.with(LundSettings.DIFFERENTIATION, "pathwise")
                    .with(LundSettings.PATHWISE_RESTARTS, "conditioned"), Observables.multiplicity());
        }

        void run(String mode, long from, int n) {
            switch (mode) {
                case "fast":
                    for (long i = from; i < from + n; i++) {
                        fast.fragmentInto(Samplers.primalStream(1, i), buf);
                        sink += buf.size();
                    }
                    break;
                case "fastPythia":
                    for (long i = from; i < from + n; i++) {
                        fastPythia.fragmentInto(Samplers.primalStream(1, i), bufPythia);
                        sink += bufPythia.size();
                    }
                    break;
                case "fastEvent":
                    for (long i = from; i < from + n; i++) {
                        sink += fast.fragment(Samplers.primalStream(1, i)).multiplicity();
                    }
                    break;
                case "primal":
                    for (long i = from; i < from + n; i++) {
                        sink += slow.fragment(PrimalSampler.of(1, i)).multiplicity();
                    }
                    break;
                case "primalRun":
                    for (long i = from; i < from + n; i++) {
                        sink += slow.fragment(PrimalSampler.of(1, i), parameters, false).multiplicity();
                    }
                    break;
                case "rsaSample":
                    for (long i = from; i < from + n; i++) {
                        Event e = fast.fragment(Samplers.primalStream(1, i), theta, true);
                        double[] g = weights.score(e.history()).gradient();
                        sink += e.multiplicity() + (long) g[0];
                    }
                    break;
                case "scoreSample":
                    sink += (long) Estimators.scoreFunction().withParallelism(1)
                            .estimate(program, theta, n, from).mean(0);
                    break;
                case "pathwiseHybrid":
                    sink += (long) Estimators.hybrid(StochasticAdOptions.replay().twoSidedBernoulli())
                            .withParallelism(1).estimate(pathwiseHybrid, theta, n, from).mean(0);
                    break;
                case "pathwiseSadSmear":
                    sink += (long) Estimators.stochasticAd(StochasticAdOptions.replay().twoSidedBernoulli())
                            .withParallelism(1).estimate(pathwiseHybrid, theta, n, from).mean(0);
                    break;
                case "pathwiseSad":
                    sink += (long) Estimators.stochasticAd(StochasticAdOptions.replay().twoSidedBernoulli())
                            .withParallelism(1).estimate(pathwise, theta, n, from).mean(0);
                    break;
                case "scoreTriples":
                    sink += (long) Estimators.scoreFunction().withParallelism(1)
                            .estimate(onTriples, theta, n, from).mean(0);
                    break;
                case "thrustSweep":
                    for (long i = from; i < from + n; i++) {
                        Event e = fast.fragment(Samplers.primalStream(1, i));
                        sink += (long) (1e3 * org.stochad.lund.observable.EventShapes.thrustAxis(e)[2]);
                    }
                    break;
                case "thrustCubic":
                    for (long i = from; i < from + n; i++) {
                        Event e = fast.fragment(Samplers.primalStream(1, i));
                        sink += (long) (1e3 * org.stochad.lund.observable.EventShapes.thrustAxisCubic(e)[2]);
                    }
                    break;
                default:
                    throw new IllegalArgumentException("mode = " + mode);
            }
        }
    }
}
