package org.stochad.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.stochad.ProgressListener;
import org.stochad.lund.Event;
import org.stochad.lund.EventGenerator;
import org.stochad.lund.LundSettings;
import org.stochad.lund.io.GeneratorHistograms;
import org.stochad.lund.io.GeneratorTally;
import org.stochad.lund.io.HepMC3Writer;

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

    /** Chunks per Spark job: bounds the events (or per-event results) the driver holds at once. */
    static final int CHUNKS_PER_JOB = 32;

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
        new ChunkOfEvents(LundRecipes.settings(settings), seed, n).runOn(cluster, CHUNKS_PER_JOB,
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
        // a tally is a few KB whatever the block holds: many blocks per job
        new ChunkTally(LundRecipes.settings(settings), seed, n).runOn(cluster, 1024, total::add, progress);
        return total;
    }

    /**
     * Generates events 0 … n − 1 and writes them as HepMC3 files, one per partition, where they are
     * made: partition p holds a contiguous range of events, in {@code dir/prefix-PPPPP.hepmc}
     * (P = p with five digits), so the files read in partition order hold the events of a local
     * {@code --hepmc} file, each with its own header and footer. The folder must be one the
     * executors can write (on a real cluster: a shared file system). Only per-block tallies come back.
     *
     * @param settings   the generator's settings
     * @param seed       the seed
     * @param n          the number of events, &ge; 1
     * @param dir        the folder of the files (absolute on the executors' machines)
     * @param prefix     the files' name prefix
     * @param partitions the number of files, &ge; 1 (at most one per block of events)
     * @param progress   receives Spark's tasks done of the total
     * @return the run's tally, the same as {@link #tally}'s
     */
    public GeneratorTally writeHepMc(LundSettings settings, long seed, long n, Path dir, String prefix,
                                     int partitions, ProgressListener progress) {
        if (n < 1 || partitions < 1) {
            throw new IllegalArgumentException("events = " + n + ", partitions = " + partitions + ": each must be >= 1");
        }
        if (settings == null || dir == null || prefix == null || progress == null) {
            throw new IllegalArgumentException("settings, dir, prefix and progress are needed");
        }
        long chunks = (n + CHUNK_EVENTS - 1) / CHUNK_EVENTS;
        int parts = (int) Math.min(partitions, chunks);
        GeneratorTally total = new GeneratorTally(settings.eCM());
        cluster.run("events", parts, parts, parts, new PartitionToHepMc(LundRecipes.settings(settings), seed, n, chunks,
                parts, dir.toAbsolutePath().toString(), prefix), blocks -> blocks.forEach(total::add), progress);
        return total;
    }

    /**
     * @param dir    the folder
     * @param prefix the name prefix
     * @param p      the partition index
     * @return the file partition p writes
     */
    public static Path partitionFile(Path dir, String prefix, int p) {
        return dir.resolve(String.format(java.util.Locale.ROOT, "%s-%05d.hepmc", prefix, p));
    }

    /** Partition p: its events written to its own file, their tallies per block sent back in order. */
    private static final class PartitionToHepMc implements ChunkTask<ArrayList<GeneratorTally>> {
        private final Recipe<LundSettings> settings;
        private final long seed;
        private final long n;
        private final long chunks;
        private final int parts;
        private final String dir;
        private final String prefix;

        PartitionToHepMc(Recipe<LundSettings> settings, long seed, long n, long chunks, int parts, String dir,
                         String prefix) {
            this.settings = settings;
            this.seed = seed;
            this.n = n;
            this.chunks = chunks;
            this.parts = parts;
            this.dir = dir;
            this.prefix = prefix;
        }

        @Override
        public ArrayList<GeneratorTally> run(long p) {
            LundSettings s = settings.make();
            EventGenerator generator = new EventGenerator(s, false);
            long fromChunk = p * chunks / parts;
            long toChunk = (p + 1) * chunks / parts;
            ArrayList<GeneratorTally> blocks = new ArrayList<>();
            Path file = partitionFile(Path.of(dir), prefix, (int) p);
            HepMC3Writer writer;
            try {
                writer = new HepMC3Writer(file, s.idQuark());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write " + file + " (" + e.getMessage() + ")", e);
            }
            try {
                for (long c = fromChunk; c < toChunk; c++) {
                    GeneratorTally tally = new GeneratorTally(s.eCM());
                    long last = Math.min(n, (c + 1) * CHUNK_EVENTS);
                    for (long i = c * CHUNK_EVENTS; i < last; i++) {
                        Event e = generator.event(seed, i);
                        writer.write(i, e);
                        tally.accept(GeneratorHistograms.observe(e, s.eCM()));
                    }
                    blocks.add(tally);
                }
                writer.close();
            } catch (IOException e) {
                writer.abort();
                throw new IllegalArgumentException("cannot write " + file + " (" + e.getMessage() + ")", e);
            } catch (RuntimeException e) {
                writer.abort();
                throw e;
            }
            return blocks;
        }
    }

    /** Chunk c's tally, counted where its events are made. */
    private static final class ChunkTally extends EventChunk<GeneratorTally> {

        ChunkTally(Recipe<LundSettings> settings, long seed, long n) {
            super(settings, false, seed, n);
        }

        @Override
        GeneratorTally fold(LundSettings settings, int count, Stream<Event> events) {
            double eCm = settings.eCM();
            GeneratorTally tally = new GeneratorTally(eCm);
            events.forEach(e -> tally.accept(GeneratorHistograms.observe(e, eCm)));
            return tally;
        }
    }

    /** Chunk c's events. */
    private static final class ChunkOfEvents extends EventChunk<EventBlock> {

        ChunkOfEvents(Recipe<LundSettings> settings, long seed, long n) {
            super(settings, true, seed, n);
        }

        @Override
        EventBlock fold(LundSettings settings, int count, Stream<Event> events) {
            List<Event> list = new ArrayList<>(count);
            events.forEach(list::add);
            return EventBlock.of(list);
        }
    }
}
