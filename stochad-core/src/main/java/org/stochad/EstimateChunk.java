package org.stochad;

import java.io.Serializable;

/**
 * The streaming sums of a run of consecutive samples of one estimate: O(k) numbers whatever the
 * run's length, so that an estimate over any number of samples runs in constant memory and can
 * be split over threads, processes or machines.
 *
 * <p>An estimate of n samples is cut into chunks of {@link ChunkedEstimator#CHUNK_SIZE}
 * consecutive sample indices (the last one shorter); each chunk's sums are computed on their
 * own and merged strictly from left to right in index order — {@code ((c0 ⊕ c1) ⊕ c2) ⊕ …} —
 * so the result is bit-identical however the chunks were distributed. Serializable so a
 * distributed engine can ship them back to its driver.
 */
public interface EstimateChunk extends Serializable {

    /** @return the index of the first sample covered */
    long first();

    /** @return the number of consecutive samples covered */
    long count();

    /**
     * @param next the sums of the samples that directly follow these ({@code next.first() ==
     *             first() + count()}), of the same estimator, program shape and parameter count
     * @return the sums of both runs together (neither argument changes)
     * @throws IllegalArgumentException when {@code next} does not directly follow or does not match
     */
    EstimateChunk merge(EstimateChunk next);
}
