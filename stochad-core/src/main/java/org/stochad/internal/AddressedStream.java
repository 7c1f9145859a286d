package org.stochad.internal;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A stream of uniform numbers named by a 128-bit address, so that the same address always
 * yields the same numbers whatever else a program drew before.
 *
 * <p>The numbers are those of Commons RNG's {@code Philox4x64} (Philox4x64-10, Salmon et al. 2011),
 * a counter-based generator: the address is the generator's 128-bit key and the counter starts
 * at zero. The rounds are computed here, on fields, rather than by a Commons RNG object: a
 * program forks many short streams (one per particle and step), most of which draw a few numbers
 * or none, and a generator object with its arrays per fork dominated the cost of a run. The
 * output is bit-identical to {@code new Philox4x64(new long[] {hi, lo, 0, 0, 0, 0})}, which the
 * tests check. Counter-based generators are made for
 * exactly this use — any number of statistically independent streams, each selected by its key,
 * with no state shared between them — which is what replay needs: an extra particle in an
 * alternative world opens its own stream and does not shift anybody else's numbers.
 * Child addresses are derived from the parent address and a key by 64-bit finalising mixers, so
 * the address of a stream depends only on the path of keys that leads to it.
 *
 * <p>Instances are mutable (they advance) and confined to one run on one thread.
 */
public final class AddressedStream implements org.stochad.UniformStream {

    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;
    /** Philox4x64 round multipliers. */
    private static final long M0 = 0xD2E7470EE14C6C93L;
    private static final long M1 = 0xCA5A826395121157L;
    /** Philox4x64 key increments (Weyl sequence). */
    private static final long W0 = 0x9E3779B97F4A7C15L;
    private static final long W1 = 0xBB67AE8584CAA73BL;

    private final long addressHi;
    private final long addressLo;
    private long position;
    /** The 256-bit block counter, least significant word first. */
    private long counter0;
    private long counter1;
    private long counter2;
    private long counter3;
    /** The current output block and how much of it has been handed out (4: none left). */
    private long out0;
    private long out1;
    private long out2;
    private long out3;
    private int used = 4;
    /** The ziggurat normal sampler over this stream's outputs, made on the first normal draw. */
    private ZigguratSampler.NormalizedGaussian gaussian;

    private AddressedStream(long addressHi, long addressLo) {
        this.addressHi = addressHi;
        this.addressLo = addressLo;
    }

    /**
     * The root stream of one sample of one estimate.
     *
     * @param seed   the estimate's seed
     * @param sample the sample index
     * @param domain a small number separating the program's streams from the engine's own
     * @return a fresh stream at position zero
     */
    public static AddressedStream root(long seed, long sample, long domain) {
        long hi = mix(seed ^ 0x6A09E667F3BCC909L);
        long lo = mix(hi + mix(sample + 0x3C6EF372FE94F82BL));
        return new AddressedStream(mix(hi ^ domain * 0xBB67AE8584CAA73BL), mix(lo + domain));
    }

    /**
     * An independent child stream named by {@code key}; calling it twice with the same key gives
     * two streams with identical numbers.
     *
     * @param key the child's name within this stream
     * @return a fresh stream at position zero
     */
    @Override
    public AddressedStream fork(long key) {
        long hi = mix(addressHi + 0x9E3779B97F4A7C15L * (key + 1));
        long lo = mix(addressLo ^ mix(key ^ hi));
        return new AddressedStream(hi, lo);
    }

    /**
     * The next uniform number in the open interval (0, 1), with 53 random bits.
     *
     * @return a uniform number, never 0 or 1
     */
    public double nextUniform() {
        position++;
        return ((nextLong() >>> 11) + 0.5) * TWO_POW_MINUS_53;
    }

    /**
     * The next 64-bit output of the generator, as Commons RNG's {@code Philox4x64.next()} would
     * give it; does not count towards {@link #position()}.
     *
     * @return 64 random bits
     */
    long nextLong() {
        switch (used) {
            case 0:
                used = 1;
                return out0;
            case 1:
                used = 2;
                return out1;
            case 2:
                used = 3;
                return out2;
            case 3:
                used = 4;
                return out3;
            default:
                nextBlock();
                used = 1;
                return out0;
        }
    }

    /** Advances the counter and computes its ten-round Philox4x64 block. */
    private void nextBlock() {
        if (++counter0 == 0 && ++counter1 == 0 && ++counter2 == 0) {
            ++counter3;
        }
        long x0 = counter0;
        long x1 = counter1;
        long x2 = counter2;
        long x3 = counter3;
        long k0 = addressHi;
        long k1 = addressLo;
        for (int round = 0; round < 10; round++) {
            if (round > 0) {
                k0 += W0;
                k1 += W1;
            }
            long lo0 = M0 * x0;
            long hi0 = unsignedMultiplyHigh(M0, x0);
            long lo1 = M1 * x2;
            long hi1 = unsignedMultiplyHigh(M1, x2);
            x0 = hi1 ^ x1 ^ k0;
            x1 = lo1;
            x2 = hi0 ^ x3 ^ k1;
            x3 = lo0;
        }
        out0 = x0;
        out1 = x1;
        out2 = x2;
        out3 = x3;
    }

    /** The high 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh is Java 18+). */
    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /**
     * A standard normal number by McFarland's modified ziggurat (Commons RNG's
     * {@code ZigguratSampler.NormalizedGaussian}, exact) from this stream's 64-bit outputs: one
     * output in about 98.8 % of the draws, more in the ziggurat's edges and tail. It counts as one
     * number towards {@link #position()}. It replaced the inversion by the inverse error
     * function, which was 15 % of a Lund fast-path event (two normals per hadron).
     *
     * @return a standard normal number
     */
    @Override
    public double standardNormal() {
        position++;
        ZigguratSampler.NormalizedGaussian g = gaussian;
        if (g == null) {
            g = ZigguratSampler.NormalizedGaussian.of(this::nextLong);
            gaussian = g;
        }
        return g.sample();
    }

    /** {@inheritDoc} Same as {@link #nextUniform()}. */
    @Override
    public double uniform() {
        return nextUniform();
    }

    /** @return how many numbers this stream has handed out */
    public long position() {
        return position;
    }

    /** @return the high half of the address */
    public long addressHi() {
        return addressHi;
    }

    /** @return the low half of the address */
    public long addressLo() {
        return addressLo;
    }

    /**
     * Stafford's variant 13 of the 64-bit finaliser of MurmurHash3.
     *
     * @param z a 64-bit value
     * @return its mix, a bijection of the 64-bit values
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
