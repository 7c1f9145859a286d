package org.stochad.spark;

import java.io.Serializable;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.stochad.ProgressListener;
import org.stochad.lund.Event;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.LundSettings;

/**
 * Chunk c of a run of n Lund events: events c·{@link SparkEvents#CHUNK_EVENTS} … min(n, (c+1)·
 * {@link SparkEvents#CHUNK_EVENTS}) − 1, generated where the chunk runs (one generator per task)
 * and folded into the chunk's result.
 *
 * @param <R> the chunk's result
 */
abstract class EventChunk<R extends Serializable> implements ChunkTask<R> {

    private final Recipe<LundSettings> settings;
    private final boolean history;
    private final long seed;
    private final long n;
    private transient LundSettings made;
    private transient EventGenerator generator;

    /**
     * @param settings the generator's settings
     * @param history  whether events carry their fragmentation history
     * @param seed     the seed
     * @param n        the number of events of the run
     */
    EventChunk(Recipe<LundSettings> settings, boolean history, long seed, long n) {
        this.settings = settings;
        this.history = history;
        this.seed = seed;
        this.n = n;
    }

    /**
     * Runs the chunks of all n events (n &ge; 1) on the cluster, on all its cores, at least
     * {@code perJob} chunks per Spark job, and hands their results on in chunk order.
     *
     * @param cluster  the cluster
     * @param perJob   the chunks per job where the cluster has fewer cores (bounds the results the
     *                 driver holds at once)
     * @param onDriver receives the chunks' results in order, on the caller's thread
     * @param progress receives Spark's tasks done of the total
     */
    final void runOn(SparkCluster cluster, long perJob, Consumer<? super R> onDriver, ProgressListener progress) {
        int parallelism = cluster.parallelism();
        cluster.run("events", (n + SparkEvents.CHUNK_EVENTS - 1) / SparkEvents.CHUNK_EVENTS, parallelism,
                Math.max(perJob, parallelism), this, onDriver, progress);
    }

    @Override
    public final R run(long chunk) {
        if (generator == null) {
            made = settings.make();
            generator = new EventGenerator(made, history);
        }
        long first = chunk * SparkEvents.CHUNK_EVENTS;
        long last = Math.min(n, first + SparkEvents.CHUNK_EVENTS);
        return fold(made, (int) (last - first), LongStream.range(first, last).mapToObj(i -> generator.event(seed, i)));
    }

    /**
     * @param settings the settings the events were made with
     * @param count    the number of events
     * @param events   the chunk's events in index order, generated as they are taken
     * @return the chunk's result
     */
    abstract R fold(LundSettings settings, int count, Stream<Event> events);
}
