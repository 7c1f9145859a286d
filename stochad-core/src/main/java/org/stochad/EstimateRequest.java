package org.stochad;

/**
 * How much to sample and from which seed, spelled out by name so the two numbers cannot be
 * swapped: {@code EstimateRequest.samples(10_000).seed(42)}. Optionally a listener that hears
 * of each finished chunk of samples.
 *
 * @param samples  the number of independent samples, &ge; 2
 * @param seed     the seed; sample i uses only streams derived from (seed, i)
 * @param progress receives one unit per finished chunk of {@link ChunkedEstimator#CHUNK_SIZE}
 *                 samples, on the caller's thread
 */
public record EstimateRequest(int samples, long seed, ProgressListener progress) {

    /**
     * Checks the request.
     *
     * @param samples  the number of independent samples, &ge; 2
     * @param seed     the seed
     * @param progress the progress listener
     */
    public EstimateRequest {
        if (samples < 2) {
            throw new IllegalArgumentException("samples = " + samples
                    + " is less than 2 (a standard error needs at least two samples)");
        }
        if (progress == null) {
            throw new IllegalArgumentException("progress = null (use ProgressListener.none())");
        }
    }

    /**
     * @param samples the number of independent samples, &ge; 2
     * @return a request for that many samples from seed 0, without progress reports
     */
    public static EstimateRequest samples(int samples) {
        return new EstimateRequest(samples, 0, ProgressListener.none());
    }

    /**
     * @param seed the seed
     * @return this request with that seed
     */
    public EstimateRequest seed(long seed) {
        return new EstimateRequest(samples, seed, progress);
    }

    /**
     * @param listener receives one unit per finished chunk of samples
     * @return this request reporting to that listener
     */
    public EstimateRequest progress(ProgressListener listener) {
        return new EstimateRequest(samples, seed, listener);
    }

    /** @return e.g. {@code 10000 samples, seed 42} */
    @Override
    public String toString() {
        return samples + " samples, seed " + seed;
    }
}
