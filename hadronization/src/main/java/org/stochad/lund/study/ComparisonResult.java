package org.stochad.lund.study;

import java.util.List;
import java.util.Map;
import org.stochad.lund.LundSettings;
import org.stochad.study.StudyResult;

/**
 * Everything the estimator comparison measured.
 *
 * @param settings     the pions-only settings of the unbiasedness checks
 * @param unbiasedness estimates per observable, estimator and component
 * @param finalTwo     the ordering term per observable
 * @param singleZExact d⟨z⟩/da of the single draw by quadrature
 * @param singleZ      the single-draw estimates of d⟨z⟩/da
 * @param singleZCost  per single-z estimator: cost relative to one primal z draw
 * @param study        the variance study of d⟨N⟩/dθ at the Monash point (all four parameters)
 * @param primalSecondsPerEvent the time of one plain (primal) event of the unbiasedness settings,
 *                     measured in the same run (NaN when not measured)
 */
public record ComparisonResult(LundSettings settings, List<EstimateRow> unbiasedness, List<FinalTwoTerm> finalTwo,
                               double singleZExact, List<EstimateRow> singleZ, Map<String, Double> singleZCost,
                               StudyResult study, double primalSecondsPerEvent) {

    /**
     * A result without the primal timing.
     *
     * @param settings     the pions-only settings of the unbiasedness checks
     * @param unbiasedness estimates per observable, estimator and component
     * @param finalTwo     the ordering term per observable
     * @param singleZExact d⟨z⟩/da of the single draw by quadrature
     * @param singleZ      the single-draw estimates of d⟨z⟩/da
     * @param singleZCost  per single-z estimator: cost relative to one primal z draw
     * @param study        the variance study
     */
    public ComparisonResult(LundSettings settings, List<EstimateRow> unbiasedness, List<FinalTwoTerm> finalTwo,
                            double singleZExact, List<EstimateRow> singleZ, Map<String, Double> singleZCost,
                            StudyResult study) {
        this(settings, unbiasedness, finalTwo, singleZExact, singleZ, singleZCost, study, Double.NaN);
    }

    /**
     * @param r a row of {@link #unbiasedness()}
     * @return its cost: time per sample over the time of one primal event (NaN when not measured)
     */
    public double cost(EstimateRow r) {
        return r.seconds() / r.samples() / primalSecondsPerEvent;
    }

    /**
     * @param r a row of {@link #unbiasedness()}
     * @return the finite-difference row of the same observable and component, or null
     */
    public EstimateRow reference(EstimateRow r) {
        for (EstimateRow x : unbiasedness) {
            if (x.observable().equals(r.observable()) && x.component().equals(r.component())
                    && x.estimator().startsWith("finite difference")) {
                return x;
            }
        }
        return null;
    }

    /**
     * @param r a row of {@link #unbiasedness()}
     * @return (estimate − finite difference)/combined standard error, NaN for the reference itself
     */
    public double pull(EstimateRow r) {
        EstimateRow fd = reference(r);
        return fd == null || fd == r ? Double.NaN
                : (r.mean() - fd.mean()) / Math.hypot(r.standardError(), fd.standardError());
    }
}
