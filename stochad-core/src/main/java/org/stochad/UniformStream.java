package org.stochad;

import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * A plain addressed stream of uniform numbers — the numbers a {@link Sampler} of the same address
 * inverts, without any derivative bookkeeping — for primal-only code paths on doubles that must
 * reproduce an estimator's primal run bit for bit ({@link Samplers#primalStream(long, long)}).
 *
 * <p>Instances advance as they are read and are confined to one thread.
 */
public interface UniformStream {

    /**
     * An independent child stream named by {@code key}, the one {@link Sampler#fork(long)} of the
     * same address reads; forking twice with one key gives two streams with identical numbers.
     *
     * @param key the child's name within this stream
     * @return a fresh child stream at position zero
     */
    UniformStream fork(long key);

    /** @return the next uniform number in the open interval (0, 1) */
    double uniform();

    /**
     * A standard normal number, the one {@link Sampler#standardNormal()} returns at the same
     * position. The engine's streams draw it by McFarland's modified ziggurat (Commons RNG's
     * {@code ZigguratSampler.NormalizedGaussian}, an exact method) from their 64-bit outputs,
     * usually one, sometimes more; it counts as one number. This default, for other streams,
     * inverts one uniform number ({@link #standardNormal(double)}).
     *
     * @return a standard normal number
     */
    default double standardNormal() {
        return standardNormal(uniform());
    }

    /**
     * The inversion rule −√2·erfc⁻¹(2u), the standard normal quantile (the engine's streams no
     * longer draw normals this way; see {@link #standardNormal()}).
     *
     * @param u a uniform number in (0, 1)
     * @return the standard normal quantile of {@code u}
     */
    static double standardNormal(double u) {
        return -Math.sqrt(2) * InverseErfc.value(2 * u);
    }
}
