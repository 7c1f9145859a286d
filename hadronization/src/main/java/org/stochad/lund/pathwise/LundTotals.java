package org.stochad.lund.pathwise;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The Lund function's normalisation integrals (N, N_a, N_c) at any (a, c), from one
 * {@link LundNormTable} per a (ln N and its two derivatives as Chebyshev interpolants in ln c),
 * built on first use: a z draw then needs only its own partial integral from {@link LundZCdf}.
 * Thread-safe; keeps the tables of the last {@value #KEEP} values of a it met at most.
 */
public final class LundTotals {

    /** Tables kept before the cache starts over (a run meets one a per flavour class and θ). */
    static final int KEEP = 16;

    private final ConcurrentHashMap<Double, LundNormTable> tables = new ConcurrentHashMap<>();
    /** The table last asked for: a run asks for the same a at every z (no map look-up, no boxing). */
    private volatile LundNormTable last;

    /**
     * @param a Lund a &ge; 0
     * @param c b·mT² &gt; 0
     * @return N = ∫₀¹ g, N_a = ∫₀¹ g·ln(1 − u), N_c = ∫₀¹ g/u
     */
    public LundZCdf.Totals at(double a, double c) {
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("c = " + c + " is not a finite number > 0");
        }
        LundNormTable table = last;
        if (table == null || table.a() != a) {
            table = tables.get(a);
            if (table == null) {
                if (tables.size() >= KEEP) {
                    tables.clear();
                }
                table = tables.computeIfAbsent(a, LundNormTable::of);
            }
            last = table;
        }
        return table.totals(c);
    }
}
