package org.stochad.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stochad.cli.chart.Plots;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.Sampler;
import org.stochad.StochasticAdOptions;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;

/**
 * A 30-day (s, Q) inventory with lost sales and an unreliable supplier — the replay strategy on a
 * realistic loop with data-dependent control flow.
 *
 * <p>Each day: an outstanding order that is due arrives; demand D ~ Poisson(λ) is served from
 * stock, unmet demand is lost at cost c per unit; the remaining stock costs h per unit overnight;
 * when stock is at or below s and no order is outstanding, an order of Q units is placed at a
 * fixed cost K and arrives 1 + L days later, L ~ Geometric(r) (failures before the first
 * success: the supplier ships each day with probability r). The output is the total cost; the
 * gradient is taken with respect to (λ, r).
 *
 * <p>Why this example rather than a particle filter: the program's control flow (order or not,
 * arrival draw or not) depends on every earlier discrete draw, which is exactly what replay
 * handles and propagation cannot; its randomness varies in count from world to world, which is
 * what addressed streams are for (each day draws from its own substream {@code fork(day)}, so an
 * arrival draw that happens in one world and not in the other does not shift the later demands);
 * and its state is a small Markov chain, so the exact gradient is computable by forward-mode
 * differentiation of the state distribution — an independent check a particle filter does not
 * offer at this size.
 */
public final class Inventory implements WorkedExample {

    /** Days simulated. */
    public static final int DAYS = 30;
    /** Reorder point s. */
    public static final int REORDER_POINT = 4;
    /** Order quantity Q. */
    public static final int ORDER_QUANTITY = 10;
    /** Initial stock. */
    public static final int INITIAL_STOCK = 10;
    /** Holding cost per unit per night. */
    public static final double HOLDING = 1;
    /** Penalty per unit of lost demand. */
    public static final double LOST_SALE = 5;
    /** Fixed cost per order. */
    public static final double ORDER_COST = 20;
    private static final List<String> NAMES = List.of("λ", "r");
    private static final long DEMAND_STREAM = 1;
    private static final long LEAD_TIME_STREAM = 2;

    @Override
    public String name() {
        return "inventory";
    }

    @Override
    public String summary() {
        return "30-day (s,Q) inventory, Poisson demand λ, supplier reliability r: replay on a loop with"
                + " control flow, exact gradient by forward-mode on the Markov chain";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("lambda", 3.0, "r", 0.5);
    }

    /** @return the program, parameters (λ, r), output the total cost */
    public static StochasticProgram program() {
        return (StochasticProgram & java.io.Serializable) (s, t) -> {
            StochasticTriple lambda = t[0];
            StochasticTriple r = t[1];
            Sampler demands = s.fork(DEMAND_STREAM);
            Sampler leadTimes = s.fork(LEAD_TIME_STREAM);
            StochasticTriple stock = StochasticTriple.constant(INITIAL_STOCK);
            StochasticTriple cost = StochasticTriple.constant(0);
            StochasticTriple arrival = null;   // the day the outstanding order arrives, if any
            int orders = 0;
            for (int day = 0; day < DAYS; day++) {
                if (arrival != null && arrival.le(day)) {
                    stock = stock.plus(ORDER_QUANTITY);
                    arrival = null;
                }
                StochasticTriple demand = demands.fork(day).poisson(lambda);
                StochasticTriple sold = demand.min(stock);
                cost = cost.plus(demand.minus(sold).times(LOST_SALE));
                stock = stock.minus(sold);
                cost = cost.plus(stock.times(HOLDING));
                if (arrival == null && stock.le(REORDER_POINT)) {
                    // the k-th order's lead time comes from the k-th order's own substream
                    StochasticTriple extraDays = leadTimes.fork(orders++).geometric(r);
                    arrival = extraDays.plus(day + 1);
                    cost = cost.plus(ORDER_COST);
                }
            }
            return cost;
        };
    }

    /**
     * The exact expected total cost and its gradient, by forward-mode differentiation of the
     * distribution of (stock, order outstanding) over the days.
     *
     * @param lambda the demand rate, &gt; 0
     * @param r      the arrival probability, in [0, 1]
     * @return {E[cost], ∂/∂λ E[cost], ∂/∂r E[cost]}
     */
    public static double[] exact(double lambda, double r) {
        if (!(lambda > 0) || !(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException("inventory: lambda = " + lambda + ", r = " + r + " out of range");
        }
        int max = Math.max(INITIAL_STOCK, REORDER_POINT + ORDER_QUANTITY);
        // pmf, P(D >= j) and their λ-derivatives for j = 0..max
        double[] pmf = new double[max + 1];
        double[] dpmf = new double[max + 1];
        double term = Math.exp(-lambda);
        for (int k = 0; k <= max; k++) {
            pmf[k] = term;
            dpmf[k] = (k > 0 ? pmf[k - 1] : 0) - pmf[k];
            term *= lambda / (k + 1);
        }
        // state arrays [stock][outstanding], each a dual number (value, d/dλ, d/dr); a geometric lead
        // time is memoryless, so "outstanding" suffices: the order arrives each morning w.p. r
        double[][][] pi = new double[max + 1][2][3];
        pi[INITIAL_STOCK][0][0] = 1;
        double[] total = new double[3];
        for (int day = 0; day < DAYS; day++) {
            double[][][] arrived = new double[max + 1][2][3];
            for (int i = 0; i <= max; i++) {
                addScaled(arrived[i][0], pi[i][0], 1, 0, 0);
                if (i + ORDER_QUANTITY <= max) {
                    addScaled(arrived[i + ORDER_QUANTITY][0], pi[i][1], r, 0, 1);
                } else if (nonZero(pi[i][1])) {
                    throw new IllegalStateException("inventory: stock above " + max);
                }
                addScaled(arrived[i][1], pi[i][1], 1 - r, 0, -1);
            }
            double[][][] served = new double[max + 1][2][3];
            for (int j = 0; j <= max; j++) {
                for (int o = 0; o < 2; o++) {
                    double[] a = arrived[j][o];
                    if (!nonZero(a)) {
                        continue;
                    }
                    double below = 0;
                    double dBelow = 0;
                    double meanSold = 0;
                    double dMeanSold = 0;
                    for (int k = 0; k < j; k++) {
                        addScaled(served[j - k][o], a, pmf[k], dpmf[k], 0);
                        below += pmf[k];
                        dBelow += dpmf[k];
                        meanSold += 1 - below;      // P(D > k)
                        dMeanSold += -dBelow;
                    }
                    addScaled(served[0][o], a, 1 - below, -dBelow, 0);
                    // expected lost sales E[(D − j)+] = λ − E[min(D, j)]
                    addScaled(total, a, LOST_SALE * (lambda - meanSold), LOST_SALE * (1 - dMeanSold), 0);
                }
            }
            double[][][] next = new double[max + 1][2][3];
            for (int m = 0; m <= max; m++) {
                for (int o = 0; o < 2; o++) {
                    double[] d = served[m][o];
                    boolean order = o == 0 && m <= REORDER_POINT;
                    addScaled(total, d, HOLDING * m + (order ? ORDER_COST : 0), 0, 0);
                    addScaled(next[m][order ? 1 : o], d, 1, 0, 0);
                }
            }
            pi = next;
        }
        return total;
    }

    /** target += x·c as dual numbers: x = (v, dλ, dr), c = (c, dcλ, dcr). */
    private static void addScaled(double[] target, double[] x, double c, double dcLambda, double dcR) {
        target[0] += x[0] * c;
        target[1] += x[1] * c + x[0] * dcLambda;
        target[2] += x[2] * c + x[0] * dcR;
    }

    private static boolean nonZero(double[] x) {
        return x[0] != 0 || x[1] != 0 || x[2] != 0;
    }

    @Override
    public Report run(RunSettings settings, Map<String, Double> given) {
        Map<String, Double> v = resolve(given);
        double lambda = WorkedExample.inRange("lambda", v.get("lambda"), 0.01, 20);
        double r = WorkedExample.probability("r", v.get("r"));
        if (r == 0) {
            throw new IllegalArgumentException("r = 0.0: the supplier never ships; r must be in (0, 1]");
        }
        int samples = settings.samplesOr(10_000);
        double[] ex = exact(lambda, r);
        double[] point = {lambda, r};
        List<Estimator> estimators = List.of(Estimators.stochasticAd(StochasticAdOptions.replay()),
                Estimators.stochasticAd(StochasticAdOptions.replay().alternatives(4)), Estimators.hybrid(),
                Estimators.scoreFunction(), Estimators.scoreFunctionWithBaseline(), Estimators.finiteDifference(0.05));
        List<Comparison.Result> res = Comparison.run("inventory", List.of(new Comparison.Case(
                "λ=" + lambda + ",r=" + r, lambda, program(), point, NAMES, new double[] {ex[1], ex[2]})),
                estimators, samples, settings);
        Table table = Comparison.table("gradient of the expected " + DAYS + "-day cost of an (s=" + REORDER_POINT
                + ", Q=" + ORDER_QUANTITY + ") inventory", res);
        String refusal;
        try {
            Estimators.stochasticAd(StochasticAdOptions.propagate().parallelism(1)).estimate(program(), point, 50,
                    settings.seed());
            refusal = "propagation ran (no perturbed branch was met in 50 samples)";
        } catch (IllegalStateException e) {
            refusal = "propagation refuses this program, as it should: " + e.getMessage();
        }
        Path plot = plot(settings, Math.max(2, samples / 4), r);
        return new Report("inventory", List.of(table), List.of(
                String.format(Locale.ROOT, "exact (forward-mode on the Markov chain): E[cost] = %.4f,"
                        + " ∂/∂λ = %.5f, ∂/∂r = %.5f", ex[0], ex[1], ex[2]), refusal), List.of(plot));
    }

    private static Path plot(RunSettings settings, int samples, double r) {
        Estimator sad = settings.place(
                Estimators.stochasticAd(StochasticAdOptions.replay().parallelism(settings.threads())));
        int n = 8;
        double[] ls = new double[n];
        double[] est = new double[n];
        double[] err = new double[n];
        try (Progress bar = Progress.start(settings, "inventory curve", n)) {
            for (int i = 0; i < n; i++) {
                ls[i] = 0.5 * (i + 1);
                GradientEstimate g = sad.estimate(program(), new double[] {ls[i], r}, samples, settings.seed() + i);
                est[i] = g.mean(0);
                err[i] = 2 * g.standardError(0);
                bar.step();
            }
        }
        int fine = 120;
        double[] lf = new double[fine];
        double[] exact = new double[fine];
        for (int i = 0; i < fine; i++) {
            lf[i] = 0.3 + 4 * i / (fine - 1.0);
            exact[i] = exact(lf[i], r)[1];
        }
        return Plots.write(settings.file("inventory-gradient.png"),
                "inventory, r = " + r + ": ∂/∂λ E[30-day cost]", "demand rate λ", "∂/∂λ E[cost]", Plots.Axis.LINEAR, Plots.Axis.LINEAR,
                List.of(Plots.Series.line("exact (Markov chain, forward mode)", lf, exact),
                        Plots.Series.points("stochastic AD (replay) ± 2 s.e.", ls, est, err)));
    }
}
