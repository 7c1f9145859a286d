package org.stochad.lund.fit;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.stochad.Sampler;
import org.stochad.StochasticTriple;
import org.stochad.VectorProgram;
import org.stochad.lund.LundProgram;

/**
 * The vector program of a {@link LundFit.Gradient#JACOBIAN} fit step over θ = (a, b): for every bin
 * k of every histogram (in order, histogram after histogram) the event's density entry
 * x_k = (entries in bin k)/width_k: the outputs' means are the histogram h(θ) and their Jacobian is
 * dh/dθ. It can be serialised like
 * {@link BinWeightProgram}: its serial form is the settings' command-file text and the histograms.
 */
final class BinDensityProgram implements VectorProgram, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient LundProgram base;
    private final transient List<HistogramSpec> specs;
    private final transient VectorProgram program;

    private BinDensityProgram(LundProgram base, List<HistogramSpec> specs) {
        this.base = base;
        this.specs = specs;
        int[] offsets = offsets(specs);
        int m = offsets[specs.size()];
        this.program = base.withObservables(e -> {
            double[] x = new double[m];
            for (int t = 0; t < specs.size(); t++) {
                HistogramSpec spec = specs.get(t);
                for (int bin : spec.entries(e)) {
                    x[offsets[t] + bin] += 1 / spec.width(bin);
                }
            }
            StochasticTriple[] out = new StochasticTriple[m];
            for (int i = 0; i < m; i++) {
                out[i] = StochasticTriple.constant(x[i]);
            }
            return out;
        });
    }

    /**
     * @param base  the generator's program over (a, b) ({@link BinWeightProgram#base})
     * @param specs the histograms
     * @return the program of the bins' densities
     */
    static BinDensityProgram of(LundProgram base, List<HistogramSpec> specs) {
        return new BinDensityProgram(base, List.copyOf(specs));
    }

    /**
     * @param specs the histograms
     * @return the index of each histogram's first bin among the outputs, then the number of bins
     */
    static int[] offsets(List<HistogramSpec> specs) {
        int[] offsets = new int[specs.size() + 1];
        for (int t = 0; t < specs.size(); t++) {
            offsets[t + 1] = offsets[t] + specs.get(t).bins();
        }
        return offsets;
    }

    @Override
    public StochasticTriple[] run(Sampler sampler, StochasticTriple[] theta) {
        return program.run(sampler, theta);
    }

    @Serial
    private Object writeReplace() {
        String cmnd = base.settings().toCmnd();
        if (!BinWeightProgram.settings(cmnd).equals(base.settings())) {
            throw new IllegalStateException("settings " + base.settings() + " do not survive their command-file text");
        }
        return new Form(cmnd, specs.toArray(new HistogramSpec[0]));
    }

    /**
     * The serial form.
     *
     * @param cmnd  the settings' command-file text
     * @param specs the histograms
     */
    private record Form(String cmnd, HistogramSpec[] specs) implements Serializable {

        @Serial
        private Object readResolve() {
            return new BinDensityProgram(BinWeightProgram.base(BinWeightProgram.settings(cmnd)), List.of(specs));
        }
    }
}
