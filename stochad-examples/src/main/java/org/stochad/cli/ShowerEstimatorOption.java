package org.stochad.cli;

import java.util.List;
import org.stochad.Estimator;
import picocli.CommandLine.Option;

/** The {@code --estimators} option of the {@code stochad shower} commands that compare the study's estimators ({@code compare}, {@code cost}). */
public final class ShowerEstimatorOption {

    @Option(names = "--estimators", paramLabel = "NAME", split = ",", completionCandidates = EstimatorChoice.Keys.class,
            description = "Estimators, comma-separated from: ${COMPLETION-CANDIDATES} (default:"
                    + " ${bundle:shower.study.estimators}).")
    List<String> estimators;

    /**
     * @param fallback the command's standard set
     * @return the named estimators, or the fallback
     */
    List<Estimator> chosen(List<Estimator> fallback) {
        return EstimatorChoice.estimators(estimators, fallback);
    }
}
