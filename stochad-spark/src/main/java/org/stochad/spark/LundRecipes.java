package org.stochad.spark;

import java.util.List;
import org.stochad.StochasticProgram;
import org.stochad.lund.LundProgram;
import org.stochad.lund.LundSettings;
import org.stochad.lund.observable.Observables;

/**
 * Lund programs named by what they are built from — the settings as their command-file text and
 * the observable by its specification — so they travel to executors as a few strings.
 */
public final class LundRecipes {

    private LundRecipes() {
    }

    /**
     * @param settings   the generator's settings
     * @return a recipe for the same settings on an executor
     * @throws IllegalArgumentException when the settings do not survive their text form unchanged
     */
    public static Recipe<LundSettings> settings(LundSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings = null");
        }
        String cmnd = settings.toCmnd();
        Recipe<LundSettings> recipe = () -> LundSettings.defaults().withLines(List.of(cmnd.split("\n")));
        if (!recipe.make().equals(settings)) {
            throw new IllegalArgumentException("settings " + settings + " do not survive their command-file text");
        }
        return recipe;
    }

    /**
     * @param settings   the generator's settings
     * @param observable the observable's specification, as {@link Observables#parse(String)} reads it
     * @return a recipe for {@code LundProgram.of(settings, Observables.parse(observable))}, θ = (a, b, σ, ρ)
     * @throws IllegalArgumentException for unknown settings or observables
     */
    public static Recipe<StochasticProgram> program(LundSettings settings, String observable) {
        Observables.parse(observable);
        Recipe<LundSettings> s = settings(settings);
        return () -> LundProgram.of(s.make(), Observables.parse(observable));
    }
}
