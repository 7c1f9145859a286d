package org.stochad.cli;

import java.util.List;
import org.stochad.shower.ToyShower;

/** The toy-shower configuration(s) a {@code stochad shower} command runs. */
public enum ShowerConfigChoice {
    /** Every interaction splits the particle in two. */
    SHOWER,
    /** Interactions only cost energy and kick the direction. */
    ELOSS,
    /** Both configurations, shower first. */
    BOTH;

    /** The configuration run when none is chosen. */
    public static final ShowerConfigChoice DEFAULT = SHOWER;

    /** @return the name used on the command line: shower, eloss or both */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the showers of this choice, each returning its loss */
    public List<ToyShower> showers() {
        return switch (this) {
            case SHOWER -> List.of(ToyShower.shower());
            case ELOSS -> List.of(ToyShower.eloss());
            case BOTH -> List.of(ToyShower.shower(), ToyShower.eloss());
        };
    }
}
