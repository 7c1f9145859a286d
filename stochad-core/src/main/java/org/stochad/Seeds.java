package org.stochad;

import org.stochad.internal.AddressedStream;

/**
 * Seeds derived from seeds: independent-looking 64-bit seeds for steps, repeats or chunks of a
 * computation, from one user seed and the item's index, so that a result depends on the seed
 * and the index alone.
 *
 * <p>The mixer is Stafford's variant 13 of MurmurHash3's 64-bit finaliser, a bijection of the
 * 64-bit values — the one the addressed streams use to derive their addresses.
 */
public final class Seeds {

    /** The 64-bit golden-ratio increment that separates the keys of {@link #derive(long, long)}. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /**
     * @param z a 64-bit value
     * @return its mix, a bijection of the 64-bit values
     */
    public static long mix(long z) {
        return AddressedStream.mix(z);
    }

    /**
     * The seed of item {@code key} of a computation seeded with {@code seed}:
     * mix(seed + φ·(key + 1)) with φ = 0x9E3779B97F4A7C15.
     *
     * @param seed the computation's seed
     * @param key  the item's index or name
     * @return the item's seed
     */
    public static long derive(long seed, long key) {
        return mix(seed + GOLDEN * (key + 1));
    }

    /**
     * The seed at the end of a path of keys: {@link #derive(long, long)} applied key by key, so
     * {@code derive(s, a, b) == derive(derive(s, a), b)}.
     *
     * @param seed the computation's seed
     * @param keys the path of keys, at least one
     * @return the derived seed
     * @throws IllegalArgumentException when no key is given
     */
    public static long derive(long seed, long... keys) {
        if (keys.length == 0) {
            throw new IllegalArgumentException("keys is empty");
        }
        long s = seed;
        for (long key : keys) {
            s = derive(s, key);
        }
        return s;
    }
}
