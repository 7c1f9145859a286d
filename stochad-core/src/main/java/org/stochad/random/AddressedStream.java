package org.stochad.random;

import org.apache.commons.rng.core.source64.Philox4x64;

/**
 * A stream of uniform numbers named by a 128-bit address, so that the same address always
 * yields the same numbers whatever else a program drew before.
 *
 * <p>Built on Commons RNG's {@link Philox4x64}, a counter-based generator: the address is the
 * generator's 128-bit key and the counter starts at zero. Counter-based generators are made for
 * exactly this use — any number of statistically independent streams, each selected by its key,
 * with no state shared between them — which is what replay needs: an extra particle in an
 * alternative world opens its own stream and does not shift anybody else's numbers.
 * Child addresses are derived from the parent address and a key by 64-bit finalising mixers, so
 * the address of a stream depends only on the path of keys that leads to it.
 *
 * <p>Instances are mutable (they advance) and confined to one run on one thread.
 */
public final class AddressedStream {

    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private final long addressHi;
    private final long addressLo;
    private final Philox4x64 generator;
    private long position;

    private AddressedStream(long addressHi, long addressLo) {
        this.addressHi = addressHi;
        this.addressLo = addressLo;
        this.generator = new Philox4x64(new long[] {addressHi, addressLo, 0, 0, 0, 0});
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
        return ((generator.next() >>> 11) + 0.5) * TWO_POW_MINUS_53;
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
