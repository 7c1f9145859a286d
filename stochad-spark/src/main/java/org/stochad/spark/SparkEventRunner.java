package org.stochad.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.stochad.ProgressListener;
import org.stochad.lund.Event;
import org.stochad.lund.EventRunner;
import org.stochad.lund.LundSettings;

/**
 * Per-event work on Lund events on a Spark cluster: the executors generate blocks of
 * {@link SparkEvents#CHUNK_EVENTS} consecutive events, apply the work to each and send back only
 * its results (histogram entries, weights — not the events), which the driver hands on in index
 * order. The settings travel as their command-file text, the work by Java serialisation (checked
 * on the driver first).
 */
public final class SparkEventRunner implements EventRunner {

    private final SparkCluster cluster;

    /** @param cluster the running Spark application */
    public SparkEventRunner(SparkCluster cluster) {
        if (cluster == null) {
            throw new IllegalArgumentException("cluster = null");
        }
        this.cluster = cluster;
    }

    @Override
    public <T extends Serializable> void generate(LundSettings settings, boolean history, long seed, long n,
                                                  Work<T> work, Consumer<? super T> consumer) {
        if (n < 0) {
            throw new IllegalArgumentException("events = " + n + " is negative");
        }
        if (settings == null || work == null || consumer == null) {
            throw new IllegalArgumentException("settings = " + settings + ", work = " + work + ", consumer = "
                    + consumer + ": all are needed");
        }
        if (n == 0) {
            return;
        }
        Shipping.check("per-event work", work);
        new ChunkOfWork<>(LundRecipes.settings(settings), history, seed, n, work).runOn(cluster,
                SparkEvents.CHUNKS_PER_JOB, results -> results.forEach(consumer), ProgressListener.none());
    }

    @Override
    public String toString() {
        return "Spark " + cluster.settings().master();
    }

    /** Chunk c: the work's results for its events. */
    private static final class ChunkOfWork<T extends Serializable> extends EventChunk<ArrayList<T>> {
        private final Work<T> work;
        private transient Function<Event, T> function;

        ChunkOfWork(Recipe<LundSettings> settings, boolean history, long seed, long n, Work<T> work) {
            super(settings, history, seed, n);
            this.work = work;
        }

        @Override
        ArrayList<T> fold(LundSettings settings, int count, Stream<Event> events) {
            if (function == null) {
                function = work.on(settings);
            }
            ArrayList<T> out = new ArrayList<>(count);
            events.forEach(e -> out.add(function.apply(e)));
            return out;
        }
    }
}
