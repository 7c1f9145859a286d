package org.stochad.lund.fit;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.stochad.Sampler;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;

/**
 * The program of a re-simulated fit step over θ = (a, b): Σ over the histogram entries of an event
 * of c_k(bin), c = ∂L/∂h per unit bin width. It can be serialised (to run on other machines): its
 * serial form is the settings' command-file text, the histograms and c, and the generator is
 * built again from them where it is read.
 */
final class BinWeightProgram implements StochasticProgram, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient LundProgram program;
    private final transient LundProgram base;
    private final transient List<HistogramSpec> specs;
    private final transient double[][] c;

    private BinWeightProgram(LundProgram base, List<HistogramSpec> specs, double[][] c) {
        this.base = base;
        this.specs = specs;
        this.c = c;
        // serializable (captures the specs and weights), so that the program can travel with an estimator
        // made for it (the law score's) in one task
        this.program = base.withObservable((org.stochad.lund.observable.Observable & Serializable) e -> {
            double v = 0;
            for (int k = 0; k < specs.size(); k++) {
                for (int bin : specs.get(k).entries(e)) {
                    v += c[k][bin];
                }
            }
            return StochasticTriple.constant(v);
        });
    }

    /**
     * @param base  the generator's program over (a, b), built once per fit
     * @param specs the histograms
     * @param c     per histogram, the weight of each bin (kept, not copied: the caller does not change it)
     * @return the program Σ_entries c_k(bin)
     */
    static BinWeightProgram of(LundProgram base, List<HistogramSpec> specs, double[][] c) {
        return new BinWeightProgram(base, List.copyOf(specs), c);
    }

    /** @return the Lund program over (a, b) whose observable is Σ_entries c_k(bin) */
    LundProgram lundProgram() {
        return program;
    }

    /** @return the base program over (a, b) of these settings, as {@link LundFit} builds it */
    static LundProgram base(LundSettings settings) {
        return LundProgram.of(settings, e -> StochasticTriple.constant(0)).overAB();
    }

    /**
     * @param cmnd a command-file text
     * @return the settings it describes (on top of the defaults)
     */
    static LundSettings settings(String cmnd) {
        return Form.settings(cmnd);
    }

    @Override
    public StochasticTriple run(Sampler sampler, StochasticTriple[] theta) {
        return program.run(sampler, theta);
    }

    @Serial
    private Object writeReplace() {
        String cmnd = base.settings().toCmnd();
        if (!Form.settings(cmnd).equals(base.settings())) {
            throw new IllegalStateException("settings " + base.settings() + " do not survive their command-file text");
        }
        return new Form(cmnd, specs.toArray(new HistogramSpec[0]), c);
    }

    /**
     * The serial form.
     *
     * @param cmnd  the settings' command-file text
     * @param specs the histograms
     * @param c     the bin weights
     */
    private record Form(String cmnd, HistogramSpec[] specs, double[][] c) implements Serializable {

        static LundSettings settings(String cmnd) {
            return LundSettings.defaults().withLines(List.of(cmnd.split("\n")));
        }

        @Serial
        private Object readResolve() {
            return new BinWeightProgram(base(settings(cmnd)), List.of(specs), c);
        }
    }
}
