package org.stochad.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.stochad.ProgressListener;
import org.stochad.lund.Event;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.LundSettings;
import org.stochad.lund.io.GeneratorHistograms;
import org.stochad.lund.io.GeneratorTally;

/**
 * Lund event generation on a Spark cluster: executors fragment blocks of consecutive event
 * indices with the local generator ({@link EventGenerator#event(long, long)}: event i depends on
 * the seed and i only) and the driver receives the events strictly in index order, so any
 * consumer — summary statistics, histograms, a HepMC3 file — sees exactly the events of a local
 * run in the same order and gives bit-identical output. The driver holds one job's events at a
 * time.
 */
public final class SparkEvents {

    /** Events per chunk: the blocks of {@link GeneratorTally}. */
    public static final int CHUNK_EVENTS = GeneratorTally.BLOCK;

    /** Chunks per Spark job: bounds the events the driver holds at once. */
    private static final int CHUNKS_PER_JOB = 32;

    private final SparkCluster cluster;

    /** @param cluster the running Spark application */
    public SparkEvents(SparkCluster cluster) {
        if (cluster == null) {
            throw new IllegalArgumentException("cluster = null");
        }
        this.cluster = cluster;
    }

    /**
     * Generates events 0 … n − 1.
     *
     * @param settings the generator's settings
     * @param seed     the seed
     * @param n        the number of events, &ge; 0
     * @param consumer receives the events in index order, on the caller's thread
     * @param progress receives Spark's tasks done of the total
     */
    public void generate(LundSettings settings, long seed, long n, Consumer<Event> consumer, ProgressListener progress) {
        if (n < 0) {
            throw new IllegalArgumentException("events = " + n + " is negative");
        }
        if (consumer == null || progress == null) {
            throw new IllegalArgumentException("consumer = " + consumer + ", progress = " + progress);
        }
        if (n == 0) {
            return;
        }
        long chunks = (n + CHUNK_EVENTS - 1) / CHUNK_EVENTS;
        int parallelism = cluster.parallelism();
        long batch = Math.max(CHUNKS_PER_JOB, parallelism);
        cluster.run("events", chunks, parallelism, batch, new ChunkOfEvents(LundRecipes.settings(settings), seed, n),
                block -> block.events().forEach(consumer), progress);
    }

    /**
     * Counts events 0 … n − 1 into the summary table and the standard histograms without moving
     * them: each executor tallies blocks of {@link #CHUNK_EVENTS} events, only the tallies travel,
     * and the driver adds them in block order — the same numbers as
     * {@link GeneratorTally#inOrder(double)} fed with the events in order.
     *
     * @param settings the generator's settings
     * @param seed     the seed
     * @param n        the number of events, &ge; 1
     * @param progress receives Spark's tasks done of the total
     * @return the run's tally
     */
    public GeneratorTally tally(LundSettings settings, long seed, long n, ProgressListener progress) {
        if (n < 1) {
            throw new IllegalArgumentException("events = " + n + " is less than 1");
        }
        if (settings == null || progress == null) {
            throw new IllegalArgumentException("settings = " + settings + ", progress = " + progress);
        }
        GeneratorTally total = new GeneratorTally(settings.eCM());
        long chunks = (n + CHUNK_EVENTS - 1) / CHUNK_EVENTS;
        int parallelism = cluster.parallelism();
        // a tally is a few KB whatever the block holds: many blocks per job
        cluster.run("events", chunks, parallelism, Math.max(1024, parallelism),
                new ChunkTally(LundRecipes.settings(settings), seed, n), total::add, progress);
        return total;
    }

    /** Chunk c's tally: events c·1024 … min(n, (c+1)·1024) − 1, counted where they are made. */
    private static final class ChunkTally implements ChunkTask<GeneratorTally> {
        private final Recipe<LundSettings> settings;
        private final long seed;
        private final long n;
        private transient EventGenerator generator;
        private transient double eCm;

        ChunkTally(Recipe<LundSettings> settings, long seed, long n) {
            this.settings = settings;
            this.seed = seed;
            this.n = n;
        }

        @Override
        public GeneratorTally run(long chunk) {
            if (generator == null) {
                LundSettings s = settings.make();
                generator = new EventGenerator(s, false);
                eCm = s.eCM();
            }
            GeneratorTally tally = new GeneratorTally(eCm);
            long first = chunk * CHUNK_EVENTS;
            long last = Math.min(n, first + CHUNK_EVENTS);
            for (long i = first; i < last; i++) {
                tally.accept(GeneratorHistograms.observe(generator.event(seed, i), eCm));
            }
            return tally;
        }
    }

    /** Chunk c: events c·1024 … min(n, (c+1)·1024) − 1. */
    private static final class ChunkOfEvents implements ChunkTask<EventBlock> {
        private final Recipe<LundSettings> settings;
        private final long seed;
        private final long n;
        private transient EventGenerator generator;

        ChunkOfEvents(Recipe<LundSettings> settings, long seed, long n) {
            this.settings = settings;
            this.seed = seed;
            this.n = n;
        }

        @Override
        public EventBlock run(long chunk) {
            if (generator == null) {
                generator = new EventGenerator(settings.make());
            }
            long first = chunk * CHUNK_EVENTS;
            long last = Math.min(n, first + CHUNK_EVENTS);
            List<Event> events = new ArrayList<>((int) (last - first));
            for (long i = first; i < last; i++) {
                events.add(generator.event(seed, i));
            }
            return EventBlock.of(events);
        }
    }
}
