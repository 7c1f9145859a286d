package org.stochad.internal;

/**
 * A finite jump of a value: with the infinitesimal probability of {@code alternative}, the value
 * becomes value + {@code shift}.
 *
 * @param alternative the draw's alternative outcome that causes the jump
 * @param shift       the jump of the value in that alternative world
 */
public record Perturbation(Alternative alternative, double shift) {

    /** @return true while the alternative has not been pruned away and the jump is not zero */
    public boolean live() {
        return shift != 0 && alternative.alive();
    }

    /**
     * Couples two perturbations of the same value that stem from different sources: the same
     * alternative keeps both jumps' sum, different alternatives are pruned to one.
     *
     * @param a a perturbation or null
     * @param b a perturbation or null
     * @return the merged perturbation, or null when neither is live
     */
    public static Perturbation merge(Perturbation a, Perturbation b) {
        boolean aLive = a != null && a.live();
        boolean bLive = b != null && b.live();
        if (!aLive) {
            return bLive ? b : null;
        }
        if (!bLive) {
            return a;
        }
        if (a.alternative == b.alternative) {
            return new Perturbation(a.alternative, a.shift + b.shift);
        }
        return Alternative.prune(a.alternative, b.alternative) == a.alternative ? a : b;
    }

    /**
     * The one alternative two perturbations are coupled to: the same one if they share it, the
     * pruning survivor if they do not.
     *
     * @param a a perturbation or null
     * @param b a perturbation or null
     * @return the coupled alternative, or null when neither is live
     */
    public static Alternative couple(Perturbation a, Perturbation b) {
        Perturbation m = merge(a, b);
        return m == null ? null : m.alternative;
    }
}
