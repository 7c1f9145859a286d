package org.stochad.lund.pathwise;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.stochad.RegionDraw;
import org.stochad.Sampler;
import org.stochad.distribution.ContinuousFamily;
import org.stochad.StochasticTriple;
import org.stochad.distribution.DiscreteFamily;
import org.stochad.lund.LundParameters;
import org.stochad.lund.LundSettings;
import org.stochad.lund.PrimalSampler;

/**
 * Test-only diagnostic (run by hand): the per-event stochastic-AD flip weight of every Bernoulli
 * draw of the pathwise fragmenter along d/da, grouped by the fragmenter method that draws it
 * (stop, drawZ = the veto split, finalSplit, finalTwo = the ordering). The weight of a Bernoulli(p)
 * with outcome x under the inversion coupling is δp/(1 − p) when δp &gt; 0 and x = 0, |δp|/p when
 * δp &lt; 0 and x = 1, else 0. Prints mean, sd, max and the share of the second moment carried by
 * the top 0.1 % of events.
 *
 * <p>Usage: {@code FlipWeightDiagnostics EVENTS [PARAMETER_INDEX] [byz]}. Categorical draws (the
 * joint veto/stop/continue of {@code byz}) are recorded as "categorical" with the flip weights of
 * the core's neighbour coupling.
 */
public final class FlipWeightDiagnostics {

    private FlipWeightDiagnostics() {
    }

    /** @param args events, parameter index (0 = a) */
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int j = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        LundSettings base = LundSettings.pionsOnly();
        boolean byZ = args.length > 2 && args[2].equals("byz");
        PathwiseFragmenter f = new PathwiseFragmenter(base, PathwiseFragmenter.Options.standard().withStopByZ(byZ));
        double[] t = {base.aLund(), base.bLund(), base.sigma(), 0};
        StochasticTriple[] theta = new StochasticTriple[4];
        for (int i = 0; i < 4; i++) {
            double[] d = new double[4];
            d[i] = 1;
            theta[i] = StochasticTriple.of(t[i], d);
        }
        LundParameters p = LundParameters.fromTheta(theta, base);
        Map<String, double[]> perEvent = new TreeMap<>();
        for (int e = 0; e < n; e++) {
            Map<String, Double> acc = new TreeMap<>();
            f.fragment(new Spy(PrimalSampler.of(11, e), acc, j), p);
            for (String k : acc.keySet()) {
                perEvent.computeIfAbsent(k, x -> new double[n])[e] = acc.get(k);
            }
        }
        for (Map.Entry<String, double[]> en : perEvent.entrySet()) {
            double[] w = en.getValue();
            double s = 0;
            double s2 = 0;
            for (double x : w) {
                s += x;
                s2 += x * x;
            }
            double[] sq = Arrays.stream(w).map(x -> x * x).sorted().toArray();
            double top = 0;
            for (int i = n - 1; i >= n - Math.max(1, n / 1000); i--) {
                top += sq[i];
            }
            System.out.printf(Locale.ROOT, "%-12s mean %.4g sd %.4g max %.4g top0.1%% %.1f%%%n", en.getKey(), s / n,
                    Math.sqrt(s2 / n - s * s / n / n), Math.sqrt(sq[n - 1]), 100 * top / s2);
        }
    }

    /** Delegates, recording the flip weight of each Bernoulli by caller. */
    private record Spy(Sampler d, Map<String, Double> acc, int j) implements Sampler {

        @Override
        public StochasticTriple bernoulli(StochasticTriple prob) {
            StochasticTriple x = d.bernoulli(prob);
            double q = prob.value();
            double dq = prob.delta(j);
            record("", dq > 0 && x.value() == 0 ? dq / (1 - q) : dq < 0 && x.value() == 1 ? -dq / q : 0);
            return x;
        }

        @Override
        public StochasticTriple binomial(int n, StochasticTriple prob) {
            return d.binomial(n, prob);
        }

        @Override
        public StochasticTriple binomial(StochasticTriple n, StochasticTriple prob) {
            return d.binomial(n, prob);
        }

        @Override
        public StochasticTriple geometric(StochasticTriple prob) {
            return d.geometric(prob);
        }

        @Override
        public StochasticTriple poisson(StochasticTriple lambda) {
            return d.poisson(lambda);
        }

        @Override
        public StochasticTriple categorical(StochasticTriple... probabilities) {
            StochasticTriple x = d.categorical(probabilities);
            int xi = (int) x.value();
            double px = probabilities[xi].value();
            double up = 0;
            double down = 0;
            for (int i = 0; i <= xi; i++) {
                double dl = probabilities[i].delta(j);
                up += dl;
                if (i < xi) {
                    down += dl;
                }
            }
            record("/cat", (xi + 1 < probabilities.length ? Math.max(0, -up / px) : 0)
                    + (xi > 0 ? Math.max(0, down / px) : 0));
            return x;
        }

        /** Adds w to the tally of the fragmenter method that made the draw (the caller's caller). */
        private void record(String suffix, double w) {
            String site = StackWalker.getInstance().walk(s -> s.skip(2).findFirst().get().getMethodName());
            acc.merge(site + suffix, w, Double::sum);
        }

        @Override
        public StochasticTriple draw(DiscreteFamily family, StochasticTriple parameter) {
            return d.draw(family, parameter);
        }

        @Override
        public StochasticTriple draw(ContinuousFamily family, StochasticTriple... parameters) {
            return d.draw(family, parameters);
        }

        @Override
        public StochasticTriple below(StochasticTriple x, ContinuousFamily threshold, StochasticTriple... parameters) {
            return d.below(x, threshold, parameters);
        }

        @Override
        public RegionDraw split(ContinuousFamily family, StochasticTriple[] parameters, StochasticTriple... boundaries) {
            return d.split(family, parameters, boundaries);
        }

        @Override
        public StochasticTriple normal(StochasticTriple mean, StochasticTriple sd) {
            return d.normal(mean, sd);
        }

        @Override
        public StochasticTriple exponential(StochasticTriple rate) {
            return d.exponential(rate);
        }

        @Override
        public StochasticTriple uniform(StochasticTriple lo, StochasticTriple hi) {
            return d.uniform(lo, hi);
        }

        @Override
        public boolean accept(StochasticTriple probability) {
            return d.accept(probability);
        }

        @Override
        public Sampler fork(long key) {
            return new Spy(d.fork(key), acc, j);
        }

        @Override
        public double uniform() {
            return d.uniform();
        }

        @Override
        public double standardNormal() {
            return d.standardNormal();
        }

        @Override
        public double exponential() {
            return d.exponential();
        }
    }
}
