package org.stochad.cli;

import java.util.List;
import java.util.ListResourceBundle;
import org.stochad.Estimator;
import org.stochad.shower.ShowerOptimization;
import org.stochad.shower.ShowerStudy;

/**
 * Values that help texts show but that are no option's initial value (a protocol's constants,
 * default lists), read from the libraries' own options objects; a description refers to one as
 * {@code ${bundle:KEY}}.
 */
public final class HelpValues extends ListResourceBundle {

    /** The bundle's name, for {@code @Command(resourceBundle = ...)}. */
    public static final String NAME = "org.stochad.cli.HelpValues";

    /** Creates the bundle. */
    public HelpValues() {
    }

    @Override
    protected Object[][] getContents() {
        ShowerOptimization.Protocol p = ShowerOptimization.Protocol.published();
        return new Object[][] {
            {"shower.study.estimators", keys(ShowerStudy.defaultEstimators())},
            {"shower.study.theta", String.join(",", ShowerStudy.DEFAULT_POINTS.stream().map(String::valueOf)
                    .toList())},
            {"shower.optimize.estimators", keys(ShowerOptimization.defaultEstimators())},
            {"shower.optimize.learningRate", String.valueOf(p.learningRate())},
            {"shower.optimize.start", String.valueOf(p.start())},
            {"shower.optimize.eventsPerStep", String.valueOf(p.eventsPerStep())},
        };
    }

    /**
     * @param estimators estimators
     * @return their short command-line names, comma-separated
     */
    static String keys(List<Estimator> estimators) {
        return String.join(", ", estimators.stream().map(EstimatorChoice::keyOf).toList());
    }
}
