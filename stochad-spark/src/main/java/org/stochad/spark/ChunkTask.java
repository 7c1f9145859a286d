package org.stochad.spark;

import java.io.Serializable;

/**
 * The work of one chunk of a distributed job: chunk c's result from c alone (its sample or event
 * indices and the seed), so that the result does not depend on where the chunk ran.
 *
 * @param <T> the chunk's result, serializable to travel back to the driver
 */
@FunctionalInterface
public interface ChunkTask<T extends Serializable> extends Serializable {

    /**
     * @param chunk the chunk index, &ge; 0
     * @return the chunk's result
     */
    T run(long chunk);
}
