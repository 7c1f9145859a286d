package org.stochad.lund;

import org.stochad.Sampler;
import org.stochad.lund.pathwise.PathwiseFragmenter;

/**
 * One way of fragmenting a string with differentiable parameters: the generator in one of its
 * differentiation modes ({@link LundSettings#DIFFERENTIATION}). Both modes give Pythia's events;
 * they differ in which of the generator's random choices carry the derivative.
 */
@FunctionalInterface
public interface Fragmentation {

    /**
     * @param sampler the event's root sampler
     * @param p       the parameters with their tangents
     * @return the event
     */
    Event fragment(Sampler sampler, LundParameters p);

    /**
     * @param settings the generator settings
     * @return the fragmentation their {@link LundSettings#DIFFERENTIATION} selects: the
     *         {@link StringFragmenter} (flips), or the {@link PathwiseFragmenter} in its unbiased
     *         formulation ({@link PathwiseFragmenter.Options#of}; finalTwo's other ordering, which
     *         {@link LundProgram} adds exactly, is dropped here)
     */
    static Fragmentation of(LundSettings settings) {
        if (settings.differentiation() == LundSettings.Differentiation.PATHWISE) {
            PathwiseFragmenter f = PathwiseFragmenter.of(settings);
            return f::fragment;
        }
        StringFragmenter f = new StringFragmenter(settings);
        return f::fragment;
    }
}
