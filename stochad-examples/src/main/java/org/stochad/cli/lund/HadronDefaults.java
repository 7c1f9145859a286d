package org.stochad.cli.lund;

import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import org.stochad.lund.LundSettings;
import org.stochad.lund.fit.FitStudy;
import org.stochad.lund.fit.LundFit;
import org.stochad.lund.fit.PseudoData;
import org.stochad.lund.study.GradientComparison;
import picocli.CommandLine;

/**
 * The defaults the {@code stochad hadron} help texts show, read from the library's own options
 * objects ({@link LundFit.Options#docs()}, {@link GradientComparison.Options#docs()}, their
 * {@code quick()} runs and {@link LundSettings#defaults()}), never written again as literals: a
 * resource bundle for {@code ${bundle:key}} in the descriptions, and default-value providers for
 * the shared {@code --seed}.
 */
public final class HadronDefaults extends ListResourceBundle {

    /** The bundle's name for {@code @Command(resourceBundle = …)}. */
    public static final String BUNDLE = "org.stochad.cli.lund.HadronDefaults";

    /** Creates the bundle (used by {@link java.util.ResourceBundle#getBundle(String)}). */
    public HadronDefaults() {
    }

    @Override
    protected Object[][] getContents() {
        LundFit.Options fd = LundFit.Options.docs();
        LundFit.Options fq = LundFit.Options.quick();
        GradientComparison.Options cd = GradientComparison.Options.docs();
        GradientComparison.Options cq = GradientComparison.Options.quick();
        LundSettings s = LundSettings.defaults();
        List<Object[]> c = new ArrayList<>();
        c.add(pair("default.fit.steps", fd.steps(), fq.steps()));
        c.add(pair("default.fit.lr", fd.learningRate(), fq.learningRate()));
        c.add(pair("default.fit.repeats", fd.repeats(), fq.repeats()));
        c.add(pair("default.fit.base-events", fd.baseEvents(), fq.baseEvents()));
        c.add(pair("default.fit.hist-events", fd.histogramEvents(), fq.histogramEvents()));
        c.add(pair("default.fit.grad-samples", fd.gradientSamples(), fq.gradientSamples()));
        c.add(new Object[] {"default.fit.gradient", gradientName(LundFit.DEFAULT_GRADIENT)});
        c.add(new Object[] {"default.fit.estimator", fd.estimator() == fq.estimator() ? fd.estimator().word()
                : fd.estimator().word() + ", --quick " + fq.estimator().word()});
        c.add(new Object[] {"default.fit.seed", Long.toString(fd.seed())});
        c.add(new Object[] {"default.fit.pseudo-events", Integer.toString(PseudoData.DOCS_EVENTS)});
        StringBuilder starts = new StringBuilder();
        for (double[] st : FitStudy.defaultStarts()) {
            starts.append(starts.length() == 0 ? "" : " and ").append(text(st[0])).append(',').append(text(st[1]));
        }
        c.add(new Object[] {"default.fit.starts", starts.toString()});
        c.add(pair("default.compare.samples", cd.samples(), cq.samples()));
        c.add(pair("default.compare.fd-samples", cd.fdSamples(), cq.fdSamples()));
        c.add(pair("default.compare.study-samples", cd.studySamples(), cq.studySamples()));
        c.add(pair("default.compare.z-samples", cd.singleZSamples(), cq.singleZSamples()));
        c.add(new Object[] {"default.compare.seed", Long.toString(cd.seed())});
        c.add(new Object[] {"default.generate.events", Long.toString(s.events())});
        c.add(new Object[] {"default.generate.seed", Long.toString(s.seed())});
        return c.toArray(new Object[0][]);
    }

    /**
     * @param g how re-simulated fit steps get dh/dθ
     * @return its {@code hadron fit --gradient} name: scalar or jacobian
     */
    public static String gradientName(LundFit.Gradient g) {
        return g == LundFit.Gradient.JACOBIAN ? "jacobian" : "scalar";
    }

    /** The text "D, --quick Q" of a documented and a quick value. */
    private static Object[] pair(String key, double docs, double quick) {
        return new Object[] {key, text(docs) + ", --quick " + text(quick)};
    }

    /**
     * @param v a number
     * @return it as the help shows it: integers without a decimal point
     */
    public static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    /** The {@code --seed} default of {@code hadron fit}: the documented runs' seed. */
    public static final class FitSeed implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
            return seed(argSpec, LundFit.Options.docs().seed());
        }
    }

    /** The {@code --seed} default of {@code hadron compare}: the documented runs' seed. */
    public static final class CompareSeed implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
            return seed(argSpec, GradientComparison.Options.docs().seed());
        }
    }

    /** The {@code --seed} default of {@code hadron generate}: the setting {@code Random:seed}. */
    public static final class GenerateSeed implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
            return seed(argSpec, LundSettings.defaults().seed());
        }
    }

    private static String seed(CommandLine.Model.ArgSpec arg, long seed) {
        return arg instanceof CommandLine.Model.OptionSpec o && "--seed".equals(o.longestName())
                ? Long.toString(seed) : null;
    }
}
