package org.stochad.engine;

/**
 * A finite jump of a value: with the infinitesimal probability of {@code event}, the value
 * becomes value + {@code shift}.
 *
 * @param event the draw whose alternative outcome causes the jump
 * @param shift the jump of the value in that alternative world
 */
public record Perturbation(Event event, double shift) {

    /** @return true while the event has not been pruned away and the jump is not zero */
    public boolean live() {
        return shift != 0 && event.alive();
    }

    /**
     * Couples two perturbations of the same value that stem from different sources: the same
     * event keeps both jumps' sum, different events are pruned to one.
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
        if (a.event == b.event) {
            return new Perturbation(a.event, a.shift + b.shift);
        }
        return Event.prune(a.event, b.event) == a.event ? a : b;
    }

    /**
     * The one event two perturbations are coupled to: the same event if they share it, the
     * pruning survivor if they do not.
     *
     * @param a a perturbation or null
     * @param b a perturbation or null
     * @return the coupled event, or null when neither is live
     */
    public static Event couple(Perturbation a, Perturbation b) {
        Perturbation m = merge(a, b);
        return m == null ? null : m.event;
    }
}
