package org.stochad;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.LogGamma;
import org.stochad.internal.Alternative;
import org.stochad.internal.Perturbation;
import org.stochad.internal.TripleAccess;

/**
 * An immutable stochastic triple X + δ·ε + {Δ with probability w·ε}: a value, its
 * almost-sure derivative along each tangent direction, and at most one finite perturbation.
 *
 * <p>Deterministic functions map the value exactly, the tangent by the chain rule and the
 * perturbation as f(X+Δ) − f(X). Two triples are coupled before they are combined:
 * perturbations of the same draw move together; perturbations of different draws are pruned
 * to one, so a triple never carries more than one.
 *
 * <p>A function of one argument is added with the chain-rule hook
 * {@link #compose(double, double, double)} (or {@link #map}), which every built-in function
 * uses: give f(x), f′(x) and f at the alternative value x + Δ, and the triple does the rest.
 * This is the algebra of Arya et al., "Automatic differentiation of programs with discrete
 * randomness" (NeurIPS 2022, arXiv:2210.08572).
 */
public final class StochasticTriple {

    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private static final StochasticTriple ZERO = new StochasticTriple(0, 0, 0, 0, 0, 0, null, null);

    static {
        TripleAccess.install(new TripleAccess.Bridge() {
            @Override
            public StochasticTriple perturbed(double value, double[] tangent, Perturbation perturbation) {
                return StochasticTriple.perturbed(value, tangent, perturbation);
            }

            @Override
            public Perturbation perturbation(StochasticTriple triple) {
                return triple.perturbation();
            }

            @Override
            public int[] sparseIndices(StochasticTriple triple) {
                return triple.idx;
            }

            @Override
            public double[] sparseValues(StochasticTriple triple) {
                return triple.val;
            }

            @Override
            public double sparseFill(StochasticTriple triple) {
                return triple.fill;
            }
        });
    }

    private final double value;
    /** The number of tangent directions. */
    private final int k;
    /**
     * The tangent along directions 0 … 3, held in fields so that the common cases (up to four
     * parameters) allocate no array; a field of a direction &ge; k is 0.
     */
    private final double d0;
    private final double d1;
    private final double d2;
    private final double d3;
    /** The tangent along directions 4 … k−1, or null when k &le; 4. */
    private final double[] more;
    /**
     * The sparse form (k &gt; 4 only), or null for the dense form above: the ascending directions
     * whose component is held in {@link #val}; every other direction below k is {@link #fill}
     * (a signed zero), so that work per operation follows the non-zero components, not k.
     */
    private final int[] idx;
    /** The components of the directions in {@link #idx}, or null. */
    private final double[] val;
    /** The component of every direction below k not in {@link #idx} (sparse form only). */
    private final double fill;
    private final Perturbation perturbation;

    private StochasticTriple(double value, int k, double d0, double d1, double d2, double d3, double[] more,
                             Perturbation perturbation) {
        this(value, k, d0, d1, d2, d3, more, null, null, 0.0, perturbation);
    }

    private StochasticTriple(double value, int k, int[] idx, double[] val, double fill, Perturbation perturbation) {
        this(value, k, 0, 0, 0, 0, null, idx, val, fill, perturbation);
    }

    private StochasticTriple(double value, int k, double d0, double d1, double d2, double d3, double[] more,
                             int[] idx, double[] val, double fill, Perturbation perturbation) {
        this.value = value;
        this.k = k;
        this.d0 = d0;
        this.d1 = d1;
        this.d2 = d2;
        this.d3 = d3;
        this.more = more;
        this.idx = idx;
        this.val = val;
        this.fill = fill;
        this.perturbation = perturbation != null && perturbation.live() ? perturbation : null;
    }

    /** A triple with the value and perturbation given and the tangent of {@code t}. */
    private static StochasticTriple withTangentOf(double value, StochasticTriple t, Perturbation perturbation) {
        return new StochasticTriple(value, t.k, t.d0, t.d1, t.d2, t.d3, t.more, t.idx, t.val, t.fill, perturbation);
    }

    /** The most non-fill components a sparse tangent holds before the dense form is used. */
    private static final int SPARSE_ENTRIES = 4;

    /**
     * @param value the value
     * @return a triple with no tangent and no perturbation
     */
    public static StochasticTriple constant(double value) {
        return new StochasticTriple(value, 0, 0, 0, 0, 0, null, null);
    }

    /**
     * @param value   the value
     * @param tangent its derivative along each direction (copied)
     * @return a triple with the given tangent and no perturbation
     */
    public static StochasticTriple of(double value, double... tangent) {
        return perturbed(value, tangent, null);
    }

    /** A triple with a perturbation (the engine's, through {@link TripleAccess}). */
    private static StochasticTriple perturbed(double value, double[] tangent, Perturbation perturbation) {
        int n = tangent.length;
        if (n > 4) {
            StochasticTriple s = sparse(value, tangent, perturbation);
            if (s != null) {
                return s;
            }
        }
        return new StochasticTriple(value, n, n > 0 ? tangent[0] : 0, n > 1 ? tangent[1] : 0, n > 2 ? tangent[2] : 0,
                n > 3 ? tangent[3] : 0, n > 4 ? Arrays.copyOfRange(tangent, 4, n) : null, perturbation);
    }

    /**
     * The sparse form of a tangent whose components are, but for at most {@link #SPARSE_ENTRIES}
     * of them, one signed zero (all +0.0 or all −0.0), or null. Direction 0 is always held
     * explicitly (combine treats it apart from the others).
     */
    private static StochasticTriple sparse(double value, double[] tangent, Perturbation perturbation) {
        int n = tangent.length;
        long plus = Double.doubleToRawLongBits(0.0);
        long minus = Double.doubleToRawLongBits(-0.0);
        int offPlus = 1;
        int offMinus = 1;
        for (int j = 1; j < n && (offPlus <= SPARSE_ENTRIES || offMinus <= SPARSE_ENTRIES); j++) {
            long bits = Double.doubleToRawLongBits(tangent[j]);
            if (bits != plus) {
                offPlus++;
            }
            if (bits != minus) {
                offMinus++;
            }
        }
        double fill;
        int count;
        if (offPlus <= SPARSE_ENTRIES) {
            fill = 0.0;
            count = offPlus;
        } else if (offMinus <= SPARSE_ENTRIES) {
            fill = -0.0;
            count = offMinus;
        } else {
            return null;
        }
        long fillBits = Double.doubleToRawLongBits(fill);
        int[] idx = new int[count];
        double[] val = new double[count];
        idx[0] = 0;
        val[0] = tangent[0];
        int c = 1;
        for (int j = 1; j < n; j++) {
            if (Double.doubleToRawLongBits(tangent[j]) != fillBits) {
                idx[c] = j;
                val[c++] = tangent[j];
            }
        }
        return new StochasticTriple(value, n, idx, val, fill, perturbation);
    }

    /** @return this triple's tangent in the dense form (itself when it already is) */
    private StochasticTriple dense() {
        if (idx == null) {
            return this;
        }
        double[] more = new double[k - 4];
        for (int j = 0; j < more.length; j++) {
            more[j] = fill;
        }
        double[] d = new double[4];
        Arrays.fill(d, fill);
        for (int p = 0; p < idx.length; p++) {
            if (idx[p] < 4) {
                d[idx[p]] = val[p];
            } else {
                more[idx[p] - 4] = val[p];
            }
        }
        return new StochasticTriple(value, k, d[0], d[1], d[2], d[3], more, perturbation);
    }

    /**
     * A triple of another value whose tangent is this one's scaled: factor·δ_j along every
     * direction j, without perturbation — what {@code StochasticTriple.of(value, t)} with
     * {@code t[j] = factor * delta(j)} gives, bit for bit, but in time proportional to the
     * tangent's non-zero components when it is sparse (a parameter's one-hot tangent, say).
     *
     * @param value  the value
     * @param factor the factor of every tangent component
     * @return the triple
     */
    public StochasticTriple withScaledTangent(double value, double factor) {
        if (idx != null) {
            double f = factor * fill;
            if (f == 0) {
                double[] v = new double[val.length];
                for (int p = 0; p < v.length; p++) {
                    v[p] = factor * val[p];
                }
                return new StochasticTriple(value, k, idx, v, f, null);
            }
        }
        double[] t = new double[k];
        for (int j = 0; j < k; j++) {
            t[j] = factor * delta(j);
        }
        return perturbed(value, t, null);
    }

    /**
     * A triple of the given value whose tangent is a linear combination of other triples'
     * tangents, Σ_i factors[i]·δ_j(triples[i]) along every direction j — summed in the order of
     * i into a zeroed array, bit for bit, but in time proportional to the tangents' non-zero
     * components when they are sparse. Perturbations are not carried.
     *
     * @param value      the value
     * @param factors    the factor of each triple
     * @param triples    the triples, as many as factors
     * @param directions the number of directions of the result (components of a triple beyond it
     *                   are refused)
     * @return the triple
     * @throws IllegalArgumentException when the lengths differ, directions is negative or a
     *                                  triple carries more directions
     */
    public static StochasticTriple linearCombination(double value, double[] factors, StochasticTriple[] triples,
                                                     int directions) {
        if (factors.length != triples.length) {
            throw new IllegalArgumentException("linearCombination: factors.length = " + factors.length
                    + " differs from triples.length = " + triples.length);
        }
        if (directions < 0) {
            throw new IllegalArgumentException("linearCombination: directions = " + directions + " is negative");
        }
        double[] sum = new double[directions];
        for (int i = 0; i < triples.length; i++) {
            StochasticTriple t = triples[i];
            if (t.k > directions) {
                throw new IllegalArgumentException("linearCombination: triples[" + i + "] has " + t.k
                        + " directions, more than directions = " + directions);
            }
            double c = factors[i];
            // a component c·fill (a signed zero) added to a sum that started at +0.0 (so never is
            // −0.0) leaves it as it is, and can be skipped
            if (t.idx != null && c * t.fill == 0) {
                for (int p = 0; p < t.idx.length; p++) {
                    sum[t.idx[p]] += c * t.val[p];
                }
            } else {
                for (int j = 0; j < t.k; j++) {
                    sum[j] += c * t.delta(j);
                }
            }
            double beyond = c * 0.0;    // a direction the triple does not carry is 0
            if (beyond != 0) {
                for (int j = t.k; j < directions; j++) {
                    sum[j] += beyond;
                }
            }
        }
        return perturbed(value, sum, null);
    }

    /** @return the primal value */
    public double value() {
        return value;
    }

    /** @return the value as an int, for discrete outcomes used as indices or counts */
    public int intValue() {
        return (int) value;
    }

    /** @return the almost-sure derivative along the first direction (0 without tangent) */
    public double delta() {
        return idx == null ? d0 : val[0];
    }

    /**
     * @param direction a direction index
     * @return the almost-sure derivative along that direction (0 where none is carried)
     */
    public double delta(int direction) {
        if (idx != null) {
            if (direction < 0) {
                throw new ArrayIndexOutOfBoundsException(direction);
            }
            if (direction >= k) {
                return 0.0;
            }
            for (int p = 0; p < idx.length; p++) {
                if (idx[p] == direction) {
                    return val[p];
                }
            }
            return fill;
        }
        if (direction == 0) {
            return d0;
        }
        if (direction >= k) {
            return 0.0;
        }
        switch (direction) {
            case 1:
                return d1;
            case 2:
                return d2;
            case 3:
                return d3;
            default:
                return more[direction - 4];
        }
    }

    /** @return the number of tangent directions carried */
    public int directions() {
        return k;
    }

    /** @return a copy of the tangent */
    public double[] tangent() {
        double[] t = new double[k];
        for (int j = 0; j < k; j++) {
            t[j] = delta(j);
        }
        return t;
    }

    /** The live perturbation, or null. */
    private Perturbation perturbation() {
        return perturbation != null && perturbation.live() ? perturbation : null;
    }

    /** @return true when a live perturbation is carried */
    public boolean hasPerturbation() {
        return perturbation() != null;
    }

    /** @return the jump Δ of the live perturbation, or 0 */
    public double perturbationShift() {
        Perturbation p = perturbation();
        return p == null ? 0.0 : p.shift();
    }

    /** @return the weight w of the live perturbation, or 0 */
    public double perturbationWeight() {
        Perturbation p = perturbation();
        return p == null ? 0.0 : p.alternative().weight();
    }

    /** @return the value in the alternative world, X + Δ (X when nothing is carried) */
    public double alternative() {
        return value + perturbationShift();
    }

    /** @return the single-run derivative estimate δ + w·Δ along the first direction */
    public double derivativeContribution() {
        return delta() + perturbationWeight() * perturbationShift();
    }

    // ---------------------------------------------------------------- the chain-rule hook

    /**
     * Applies a function f of one argument, given by its values: the value becomes f(x), the
     * tangent f′(x)·δ, and a carried perturbation x → x + Δ becomes the exact jump
     * f(x + Δ) − f(x). This is how every built-in function is written, and how a user adds one
     * (as Hipparchus' {@code compose} does for its derivatives):
     * {@code x.compose(Math.cbrt(v), 1 / (3 * Math.cbrt(v * v)), Math.cbrt(x.alternative()))}
     * with {@code v = x.value()}.
     *
     * @param fx           f(x) at the value x = {@link #value()}
     * @param dfdx         f′(x)
     * @param fAlternative f at the alternative value {@link #alternative()} (read only when a
     *                     perturbation is carried; pass {@code fx} otherwise)
     * @return f applied to this triple
     */
    public StochasticTriple compose(double fx, double dfdx, double fAlternative) {
        return unary(fx, dfdx, shiftOf(fAlternative, fx));
    }

    /**
     * Applies a function of one argument given as code: {@link #compose(double, double, double)}
     * with f evaluated at the alternative value only when a perturbation is carried.
     *
     * @param f          the function
     * @param derivative its derivative
     * @return f applied to this triple
     */
    public StochasticTriple map(DoubleUnaryOperator f, DoubleUnaryOperator derivative) {
        double fx = f.applyAsDouble(value);
        return compose(fx, derivative.applyAsDouble(value), hasPerturbation() ? f.applyAsDouble(alternative()) : fx);
    }

    // ---------------------------------------------------------------- arithmetic

    /**
     * @param b the other operand
     * @return this + b
     */
    public StochasticTriple plus(StochasticTriple b) {
        Alternative e = coupledEvent(this, b);
        double v = value + b.value;
        return combine(v, this, 1, b, 1, e, e == null ? 0 : altOf(this, e) + altOf(b, e) - v);
    }

    /**
     * @param b the other operand
     * @return this + b
     */
    public StochasticTriple plus(double b) {
        return shifted(value + b);
    }

    /**
     * @param b the other operand
     * @return this − b
     */
    public StochasticTriple minus(StochasticTriple b) {
        Alternative e = coupledEvent(this, b);
        double v = value - b.value;
        return combine(v, this, 1, b, -1, e, e == null ? 0 : altOf(this, e) - altOf(b, e) - v);
    }

    /**
     * @param b the other operand
     * @return this − b
     */
    public StochasticTriple minus(double b) {
        return shifted(value - b);
    }

    /**
     * @param b the other operand
     * @return this · b
     */
    public StochasticTriple times(StochasticTriple b) {
        Alternative e = coupledEvent(this, b);
        double v = value * b.value;
        return combine(v, this, b.value, b, value, e, e == null ? 0 : altOf(this, e) * altOf(b, e) - v);
    }

    /**
     * @param b the other operand
     * @return this · b
     */
    public StochasticTriple times(double b) {
        return unary(value * b, b, perturbation == null ? 0 : perturbationShift() * b);
    }

    /**
     * @param b the other operand
     * @return this / b
     */
    public StochasticTriple div(StochasticTriple b) {
        Alternative e = coupledEvent(this, b);
        double v = value / b.value;
        return combine(v, this, 1 / b.value, b, -v / b.value, e,
                e == null ? 0 : altOf(this, e) / altOf(b, e) - v);
    }

    /**
     * @param b the other operand
     * @return this / b
     */
    public StochasticTriple div(double b) {
        return times(1 / b);
    }

    /** @return −this */
    public StochasticTriple neg() {
        return times(-1.0);
    }

    /** @return |this| (derivative sign(x), 0 at 0) */
    public StochasticTriple abs() {
        return compose(Math.abs(value), Math.signum(value), Math.abs(alternative()));
    }

    /** @return this² */
    public StochasticTriple square() {
        double a = alternative();
        return compose(value * value, 2 * value, a * a);
    }

    /** @return √this */
    public StochasticTriple sqrt() {
        double s = Math.sqrt(value);
        return compose(s, 0.5 / s, Math.sqrt(alternative()));
    }

    /** @return e^this */
    public StochasticTriple exp() {
        double e = Math.exp(value);
        return compose(e, e, Math.exp(alternative()));
    }

    /** @return ln this */
    public StochasticTriple log() {
        double l = Math.log(value);
        return compose(l, 1 / value, Math.log(alternative()));
    }

    /**
     * @param exponent a constant exponent
     * @return this^exponent
     */
    public StochasticTriple pow(double exponent) {
        double p = Math.pow(value, exponent);
        return compose(p, exponent * Math.pow(value, exponent - 1), Math.pow(alternative(), exponent));
    }

    /**
     * @param exponent the exponent
     * @return this^exponent, for a positive base
     */
    public StochasticTriple pow(StochasticTriple exponent) {
        return log().times(exponent).exp();
    }

    /** @return sin this */
    public StochasticTriple sin() {
        double s = Math.sin(value);
        return compose(s, Math.cos(value), Math.sin(alternative()));
    }

    /** @return cos this */
    public StochasticTriple cos() {
        double c = Math.cos(value);
        return compose(c, -Math.sin(value), Math.cos(alternative()));
    }

    /** @return tanh this */
    public StochasticTriple tanh() {
        double t = Math.tanh(value);
        return compose(t, 1 - t * t, Math.tanh(alternative()));
    }

    /** @return the logistic function 1/(1+e^−this) */
    public StochasticTriple logistic() {
        double s = logistic(value);
        return compose(s, s * (1 - s), logistic(alternative()));
    }

    /** @return tan this */
    public StochasticTriple tan() {
        double t = Math.tan(value);
        return compose(t, 1 + t * t, Math.tan(alternative()));
    }

    /** @return arcsin this, for |this| &le; 1 (derivative 1/√(1 − x²)) */
    public StochasticTriple asin() {
        return compose(Math.asin(value), 1 / Math.sqrt(1 - value * value), Math.asin(alternative()));
    }

    /** @return arccos this, for |this| &le; 1 (derivative −1/√(1 − x²)) */
    public StochasticTriple acos() {
        return compose(Math.acos(value), -1 / Math.sqrt(1 - value * value), Math.acos(alternative()));
    }

    /** @return arctan this */
    public StochasticTriple atan() {
        return compose(Math.atan(value), 1 / (1 + value * value), Math.atan(alternative()));
    }

    /** @return sinh this */
    public StochasticTriple sinh() {
        return compose(Math.sinh(value), Math.cosh(value), Math.sinh(alternative()));
    }

    /** @return cosh this */
    public StochasticTriple cosh() {
        return compose(Math.cosh(value), Math.sinh(value), Math.cosh(alternative()));
    }

    /** @return ln(1 + this), accurate near 0 */
    public StochasticTriple log1p() {
        return compose(Math.log1p(value), 1 / (1 + value), Math.log1p(alternative()));
    }

    /** @return e^this − 1, accurate near 0 */
    public StochasticTriple expm1() {
        return compose(Math.expm1(value), Math.exp(value), Math.expm1(alternative()));
    }

    /** @return the cube root of this (derivative 1/(3·∛x²), infinite at 0) */
    public StochasticTriple cbrt() {
        double c = Math.cbrt(value);
        return compose(c, 1 / (3 * c * c), Math.cbrt(alternative()));
    }

    /** @return the error function erf this (Commons Numbers), derivative 2/√π·e^(−x²) */
    public StochasticTriple erf() {
        return compose(Erf.value(value), TWO_OVER_SQRT_PI * Math.exp(-value * value), Erf.value(alternative()));
    }

    /** @return the complementary error function erfc this = 1 − erf this (Commons Numbers) */
    public StochasticTriple erfc() {
        return compose(Erfc.value(value), -TWO_OVER_SQRT_PI * Math.exp(-value * value), Erfc.value(alternative()));
    }

    /**
     * ln Γ(x) for x &gt; 0 (Commons Numbers), derivative the digamma function ψ(x). On a count n
     * it is ln((n − 1)!), so {@code x.plus(1).logGamma()} is ln(x!) with the exact jump of a
     * perturbed count — no table of log-factorials needed.
     *
     * @return ln Γ(this)
     */
    public StochasticTriple logGamma() {
        return compose(LogGamma.value(value), Digamma.value(value), LogGamma.value(alternative()));
    }

    /**
     * @param x the second argument (the abscissa)
     * @return atan2(this, x): the angle of the point (x, this), in (−π, π]
     */
    public StochasticTriple atan2(StochasticTriple x) {
        double r2 = value * value + x.value * x.value;
        return map2(x, Math::atan2, x.value / r2, -value / r2);
    }

    /**
     * @param b the other operand
     * @return √(this² + b²) without overflow or underflow
     */
    public StochasticTriple hypot(StochasticTriple b) {
        double h = Math.hypot(value, b.value);
        return map2(b, Math::hypot, value / h, b.value / h);
    }

    /**
     * The chain-rule hook for a function of two triples: the value becomes f(x, y), the tangent
     * ∂f/∂x·δx + ∂f/∂y·δy, and the two triples' perturbations are coupled (one event moves both;
     * different events are pruned to one) and mapped exactly to f(x + Δx, y + Δy) − f(x, y).
     *
     * @param y    the second argument
     * @param f    the function, evaluated at the value and at the coupled alternative
     * @param dfdx ∂f/∂x at the value
     * @param dfdy ∂f/∂y at the value
     * @return f(this, y)
     */
    public StochasticTriple map2(StochasticTriple y, DoubleBinaryOperator f, double dfdx, double dfdy) {
        Alternative e = coupledEvent(this, y);
        double v = f.applyAsDouble(value, y.value);
        return combine(v, this, dfdx, y, dfdy, e, e == null ? 0 : f.applyAsDouble(altOf(this, e), altOf(y, e)) - v);
    }

    // ---------------------------------------------------------------- integer-valued functions

    /**
     * ⌊this⌋. Exact on discrete triples — the jump of a perturbed count is ⌊x + Δ⌋ − ⌊x⌋ and the
     * almost-sure derivative is 0 — and refused on a triple with a tangent, whose expectation
     * ⌊·⌋ would make jump at a point the tangent does not see.
     *
     * @return ⌊this⌋
     * @throws IllegalStateException when this carries a non-zero tangent
     */
    public StochasticTriple floor() {
        return integerValued("floor", Math::floor);
    }

    /**
     * ⌈this⌉, exact on discrete triples (see {@link #floor()}).
     *
     * @return ⌈this⌉
     * @throws IllegalStateException when this carries a non-zero tangent
     */
    public StochasticTriple ceil() {
        return integerValued("ceil", Math::ceil);
    }

    /**
     * The nearest integer, halves rounded up ({@link Math#round(double)}), exact on discrete
     * triples (see {@link #floor()}).
     *
     * @return round(this)
     * @throws IllegalStateException when this carries a non-zero tangent
     */
    public StochasticTriple round() {
        return integerValued("round", v -> Math.abs(v) < 0x1p52 ? (double) Math.round(v) : v);
    }

    /**
     * The sign −1, 0 or +1 ({@link Math#signum(double)}), exact on discrete triples (see
     * {@link #floor()}).
     *
     * @return sign(this)
     * @throws IllegalStateException when this carries a non-zero tangent
     */
    public StochasticTriple sign() {
        return integerValued("sign", Math::signum);
    }

    /**
     * Clamps to [lo, hi]: the value min(max(x, lo), hi), the tangent passed inside the interval
     * and 0 outside, the jump exactly clamp(x + Δ) − clamp(x) — so a count clamped to integer
     * bounds stays a count with exact alternatives.
     *
     * @param lo the lower bound
     * @param hi the upper bound, &ge; lo
     * @return this clamped to [lo, hi]
     */
    public StochasticTriple clamp(double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp: lo = " + lo + " is not <= hi = " + hi);
        }
        return compose(Math.min(Math.max(value, lo), hi), value > lo && value < hi ? 1 : 0,
                Math.min(Math.max(alternative(), lo), hi));
    }

    /**
     * @param b the other operand
     * @return the smaller of this and b (derivative of the smaller)
     */
    public StochasticTriple min(StochasticTriple b) {
        return pick(b, true);
    }

    /**
     * @param b the other operand
     * @return the larger of this and b (derivative of the larger)
     */
    public StochasticTriple max(StochasticTriple b) {
        return pick(b, false);
    }

    /**
     * @param b the other operand
     * @return the smaller of this and b
     */
    public StochasticTriple min(double b) {
        return min(constant(b));
    }

    /**
     * @param b the other operand
     * @return the larger of this and b
     */
    public StochasticTriple max(double b) {
        return max(constant(b));
    }

    /**
     * Looks up a table by a discrete index: what indexing is for in propagation mode, where a
     * branch on the index would lose its perturbation.
     *
     * @param table the table
     * @param index a discrete triple whose value and alternative are valid indices
     * @return table[index], perturbed to table[index + Δ]
     */
    public static StochasticTriple select(double[] table, StochasticTriple index) {
        int i = checkIndex(table.length, index.value, "index");
        Perturbation p = index.perturbation();
        if (p == null) {
            return constant(table[i]);
        }
        int j = checkIndex(table.length, index.alternative(), "alternative index");
        return new StochasticTriple(table[i], 0, 0, 0, 0, 0, null, new Perturbation(p.alternative(), table[j] - table[i]));
    }

    /**
     * Looks up a table of triples by a discrete index; the index's alternative selects another
     * entry, and the chosen entry's own tangent and perturbation are kept.
     *
     * @param table the table
     * @param index a discrete triple whose value and alternative are valid indices
     * @return table[index], perturbed towards table[index + Δ]
     */
    public static StochasticTriple select(StochasticTriple[] table, StochasticTriple index) {
        int i = checkIndex(table.length, index.value, "index");
        StochasticTriple chosen = table[i];
        Perturbation p = index.perturbation();
        if (p == null) {
            return chosen;
        }
        int j = checkIndex(table.length, index.alternative(), "alternative index");
        // in the index's alternative world the entry table[j] takes its own value in that world
        Perturbation jump = new Perturbation(p.alternative(), altOf(table[j], p.alternative()) - chosen.value);
        Perturbation own = chosen.perturbation();
        return withTangentOf(chosen.value, chosen,
                own != null && own.alternative() == p.alternative() ? jump : Perturbation.merge(own, jump));
    }

    // ---------------------------------------------------------------- black-box code

    /**
     * Runs code the triple cannot see into — a map lookup, a table with side structure, a
     * simulation step written for plain numbers — in propagation mode (StochasticAD.jl's
     * {@code propagate}): f is evaluated on the value and, when a perturbation is carried, on the
     * alternative value, so the result's jump is exactly f(x + Δ) − f(x). f is treated as
     * piecewise constant: the result has no tangent, and a triple with a non-zero tangent is
     * refused (use {@link #map} with a derivative for a smooth f).
     *
     * @param f the code, evaluated at most twice
     * @return f(this), perturbed to f(this + Δ)
     * @throws IllegalStateException when this carries a non-zero tangent
     */
    public StochasticTriple propagate(DoubleUnaryOperator f) {
        for (int j = 0; j < k; j++) {
            if (delta(j) != 0) {
                throw new IllegalStateException("propagate(" + value + "): the argument has tangent " + delta(j)
                        + " along direction " + j + ", which black-box code cannot differentiate; use map(f, f′)");
            }
        }
        double fx = f.applyAsDouble(value);
        Perturbation p = perturbation();
        if (p == null) {
            return constant(fx);
        }
        return new StochasticTriple(fx, 0, 0, 0, 0, 0, null, new Perturbation(p.alternative(),
                f.applyAsDouble(alternative()) - fx));
    }

    /**
     * {@link #propagate(DoubleUnaryOperator)} for code keyed by an integer — a discrete outcome
     * used as a key of a map or an index of a list: f is evaluated on the value and on the
     * alternative, both of which must be integers.
     *
     * @param f the code, evaluated at most twice
     * @return f(this), perturbed to f(this + Δ)
     * @throws IllegalArgumentException when the value or the alternative is not an integer
     * @throws IllegalStateException    when this carries a non-zero tangent
     */
    public StochasticTriple propagateInt(IntToDoubleFunction f) {
        return propagate(v -> {
            int i = (int) v;
            if (i != v) {
                throw new IllegalArgumentException("propagateInt: " + v + " is not an integer");
            }
            return f.applyAsDouble(i);
        });
    }

    // ---------------------------------------------------------------- equality

    /**
     * Value equality for triples without a perturbation: the same value and the same tangent
     * (compared as {@link Double#compare} does, a missing direction counting as 0). A triple that
     * carries a perturbation has no value-based identity — it is two values at once — so
     * comparing one with {@code equals} to another triple is refused (a triple still equals itself):
     * a map keyed by it would silently keep only
     * the primal value and lose the perturbation. Look tables up with {@link #propagate} or
     * {@link #select} instead.
     *
     * @param o another object
     * @return whether o is a triple with the same value and tangent
     * @throws IllegalStateException when this or o is a triple carrying a perturbation
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StochasticTriple t)) {
            return false;
        }
        refuseIfPerturbed("equals");
        t.refuseIfPerturbed("equals");
        if (Double.compare(value, t.value) != 0) {
            return false;
        }
        for (int j = 0; j < Math.max(k, t.k); j++) {
            if (Double.compare(delta(j) + 0.0, t.delta(j) + 0.0) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A hash of the value and tangent, consistent with {@link #equals}; refused for a triple that
     * carries a perturbation, so that it cannot become a key of a hash map.
     *
     * @return the hash
     * @throws IllegalStateException when this triple carries a perturbation
     */
    @Override
    public int hashCode() {
        refuseIfPerturbed("hashCode");
        int h = Double.hashCode(value);
        for (int j = 0; j < k; j++) {
            double d = delta(j) + 0.0;
            if (d != 0) {
                h = 31 * h + j * 1_000_003 + Double.hashCode(d);
            }
        }
        return h;
    }

    private void refuseIfPerturbed(String what) {
        if (hasPerturbation()) {
            throw new IllegalStateException(what + " of a perturbed triple (" + this + "): as a map key or in a"
                    + " comparison it would be its primal value alone and silently lose its perturbation; look"
                    + " the value up with propagate(f) or StochasticTriple.select(table, index) instead");
        }
    }

    // ---------------------------------------------------------------- predicates

    /**
     * @param b the other operand
     * @return this &lt; b on primal values
     */
    public boolean lt(StochasticTriple b) {
        return compare(b, (x, y) -> x < y, "lt");
    }

    /**
     * @param b the other operand
     * @return this &lt; b on primal values
     */
    public boolean lt(double b) {
        return lt(constant(b));
    }

    /**
     * @param b the other operand
     * @return this &le; b on primal values
     */
    public boolean le(StochasticTriple b) {
        return compare(b, (x, y) -> x <= y, "le");
    }

    /**
     * @param b the other operand
     * @return this &le; b on primal values
     */
    public boolean le(double b) {
        return le(constant(b));
    }

    /**
     * @param b the other operand
     * @return this &gt; b on primal values
     */
    public boolean gt(StochasticTriple b) {
        return compare(b, (x, y) -> x > y, "gt");
    }

    /**
     * @param b the other operand
     * @return this &gt; b on primal values
     */
    public boolean gt(double b) {
        return gt(constant(b));
    }

    /**
     * @param b the other operand
     * @return this &ge; b on primal values
     */
    public boolean ge(StochasticTriple b) {
        return compare(b, (x, y) -> x >= y, "ge");
    }

    /**
     * @param b the other operand
     * @return this &ge; b on primal values
     */
    public boolean ge(double b) {
        return ge(constant(b));
    }

    /**
     * @param b the other operand
     * @return this == b on primal values
     */
    public boolean eq(StochasticTriple b) {
        return compare(b, (x, y) -> x == y, "eq");
    }

    /**
     * @param b the other operand
     * @return this == b on primal values
     */
    public boolean eq(double b) {
        return eq(constant(b));
    }

    @Override
    public String toString() {
        Perturbation p = perturbation();
        String base = value + " + " + Arrays.toString(tangent()) + "ε";
        return p == null ? base : base + " + {" + p.shift() + " w.p. " + p.alternative().weight() + "ε}";
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface Comparison {
        boolean test(double x, double y);
    }

    private boolean compare(StochasticTriple b, Comparison op, String name) {
        boolean primal = op.test(value, b.value);
        Perturbation pa = perturbation();
        Perturbation pb = b.perturbation();
        boolean flips = pa != null && pb != null && pa.alternative() == pb.alternative()
                ? op.test(alternative(), b.alternative()) != primal    // one event moves both sides
                : pa != null && op.test(alternative(), b.value) != primal
                        || pb != null && op.test(value, b.alternative()) != primal;
        if (flips) {
            throw new IllegalStateException("predicate " + name + "(" + value + ", " + b.value
                    + ") would flip under a live perturbation: branching on a perturbed discrete value"
                    + " needs the REPLAY strategy (StochasticAdOptions.replay())");
        }
        return primal;
    }

    private static Alternative coupledEvent(StochasticTriple a, StochasticTriple b) {
        return Perturbation.couple(a.perturbation, b.perturbation);
    }

    private static double altOf(StochasticTriple x, Alternative e) {
        Perturbation p = x.perturbation;
        return p != null && p.alternative() == e ? x.value + p.shift() : x.value;
    }

    /** value v, tangent ca·a.tangent + cb·b.tangent, and the coupled event's jump (if any). */
    private static StochasticTriple combine(double v, StochasticTriple a, double ca, StochasticTriple b, double cb,
                                            Alternative e, double shift) {
        if (a.idx != null || b.idx != null) {
            StochasticTriple s = sparseCombine(v, a, ca, b, cb, e, shift);
            if (s != null) {
                return s;
            }
            a = a.dense();
            b = b.dense();
        }
        int n = Math.max(a.k, b.k);
        double[] r = null;
        if (n > 4) {
            r = new double[n - 4];
            for (int j = 0; j < a.k - 4; j++) {
                r[j] = ca * a.more[j];
            }
            for (int j = 0; j < b.k - 4; j++) {
                r[j] += cb * b.more[j];
            }
        }
        // direction j ≥ 1 is ca·a_j + cb·b_j where both carry it, ca·a_j or 0 + cb·b_j where one does
        // (the arithmetic of an accumulation into a zeroed array, so results stay bit-identical)
        return new StochasticTriple(v, n, ca * a.d0 + cb * b.d0,
                n > 1 ? component(a.k > 1, ca, a.d1, b.k > 1, cb, b.d1) : 0,
                n > 2 ? component(a.k > 2, ca, a.d2, b.k > 2, cb, b.d2) : 0,
                n > 3 ? component(a.k > 3, ca, a.d3, b.k > 3, cb, b.d3) : 0,
                r, e == null ? null : new Perturbation(e, shift));
    }

    /**
     * {@link #combine} for sparse operands (or one sparse and one without tangent), component
     * for component the same arithmetic as the dense form, or null when the result is not
     * sparse: the directions outside both operands' entries must all come out as one signed zero.
     */
    private static StochasticTriple sparseCombine(double v, StochasticTriple a, double ca, StochasticTriple b,
                                                  double cb, Alternative e, double shift) {
        if (a.idx == null && a.k > 0 || b.idx == null && b.k > 0) {
            return null;
        }
        int n = Math.max(a.k, b.k);
        int m = Math.min(a.k, b.k);
        double fa = a.fill;
        double fb = b.fill;
        // the fill of every region of directions j ≥ 1, as the dense arithmetic computes it
        double fill = 0;
        boolean set = false;
        if (m > 1) {
            fill = ca * fa + cb * fb;
            set = true;
        }
        if (a.k > b.k) {
            double f = ca * fa;
            if (set && Double.doubleToRawLongBits(f) != Double.doubleToRawLongBits(fill)) {
                return null;
            }
            fill = f;
            set = true;
        }
        if (b.k > a.k) {
            double f = 0.0 + cb * fb;
            if (set && Double.doubleToRawLongBits(f) != Double.doubleToRawLongBits(fill)) {
                return null;
            }
            fill = f;
        }
        if (fill != 0) {
            return null;    // NaN (an infinite or NaN coefficient): the dense form keeps its bits
        }
        long fillBits = Double.doubleToRawLongBits(fill);
        int la = a.idx == null ? 0 : a.idx.length;
        int lb = b.idx == null ? 0 : b.idx.length;
        int[] idx = new int[1 + la + lb];
        double[] val = new double[idx.length];
        idx[0] = 0;
        val[0] = ca * a.delta() + cb * b.delta();
        int c = 1;
        int pa = la > 0 && a.idx[0] == 0 ? 1 : 0;
        int pb = lb > 0 && b.idx[0] == 0 ? 1 : 0;
        while (pa < la || pb < lb) {
            int ja = pa < la ? a.idx[pa] : Integer.MAX_VALUE;
            int jb = pb < lb ? b.idx[pb] : Integer.MAX_VALUE;
            int j = Math.min(ja, jb);
            double x = component(j < a.k, ca, ja == j ? a.val[pa] : fa, j < b.k, cb, jb == j ? b.val[pb] : fb);
            if (ja == j) {
                pa++;
            }
            if (jb == j) {
                pb++;
            }
            if (Double.doubleToRawLongBits(x) != fillBits) {
                if (c == SPARSE_ENTRIES) {
                    return null;
                }
                idx[c] = j;
                val[c++] = x;
            }
        }
        return new StochasticTriple(v, n, Arrays.copyOf(idx, c), Arrays.copyOf(val, c), fill,
                e == null ? null : new Perturbation(e, shift));
    }

    private static double component(boolean hasA, double ca, double a, boolean hasB, double cb, double b) {
        if (hasA) {
            return hasB ? ca * a + cb * b : ca * a;
        }
        return hasB ? 0.0 + cb * b : 0.0;
    }

    private StochasticTriple shifted(double v) {
        return withTangentOf(v, this, perturbation());
    }

    private StochasticTriple unary(double fx, double dfdx, double shift) {
        Perturbation p = perturbation();
        return combine(fx, this, dfdx, ZERO, 0, p == null ? null : p.alternative(), shift);
    }

    private double shiftOf(double fAlt, double fx) {
        return perturbation == null ? 0 : fAlt - fx;
    }

    private StochasticTriple pick(StochasticTriple b, boolean smaller) {
        Alternative e = coupledEvent(this, b);
        boolean takeThis = smaller ? value <= b.value : value >= b.value;
        StochasticTriple chosen = takeThis ? this : b;
        if (e == null) {
            return withTangentOf(chosen.value, chosen, null);
        }
        double x = altOf(this, e);
        double y = altOf(b, e);
        double alt = smaller ? Math.min(x, y) : Math.max(x, y);
        return withTangentOf(chosen.value, chosen, new Perturbation(e, alt - chosen.value));
    }

    private StochasticTriple integerValued(String name, DoubleUnaryOperator f) {
        for (int j = 0; j < k; j++) {
            if (delta(j) != 0) {
                throw new IllegalStateException(name + "(" + value + "): the argument has tangent " + delta(j)
                        + " along direction " + j + "; " + name + " is integer-valued, so its derivative is exact only"
                        + " on discrete triples (counts, indices) — a continuous argument would jump at a point the"
                        + " tangent does not see");
            }
        }
        double fx = f.applyAsDouble(value);
        return compose(fx, 0, hasPerturbation() ? f.applyAsDouble(alternative()) : fx);
    }

    private static double logistic(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    private static int checkIndex(int length, double index, String what) {
        int i = (int) index;
        if (i != index || i < 0 || i >= length) {
            throw new IllegalArgumentException("select: " + what + " = " + index
                    + " is not an index of a table of length " + length);
        }
        return i;
    }
}

