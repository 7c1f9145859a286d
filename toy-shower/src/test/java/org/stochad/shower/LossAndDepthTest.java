package org.stochad.shower;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stochad.EstimateRequest;
import org.stochad.Estimator;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.JacobianEstimate;

/**
 * The shower's loss and depth from one vector program: the same numbers as the two scalar programs
 * run on the same seed — the means under the primal runner (what the loss scan uses) and the
 * derivatives under replay, whose one shared alternative per event serves both outputs.
 */
class LossAndDepthTest {

    @Test
    void oneJacobianGivesBothScalarEstimatesExactly() {
        for (ToyShower shower : new ToyShower[] {ToyShower.shower(), ToyShower.eloss()}) {
            ToyShower loss = shower.withObservable(ToyShower.Observable.LOSS);
            ToyShower depth = shower.withObservable(ToyShower.Observable.DEPTH);
            for (Estimator e : new Estimator[] {Estimators.primal(), Estimators.stochasticAd()}) {
                double[] theta = {1.5};
                JacobianEstimate j = e.jacobian(shower.lossAndDepth(), theta, EstimateRequest.samples(300).seed(11));
                GradientEstimate l = e.estimate(loss, theta, 300, 11);
                GradientEstimate d = e.estimate(depth, theta, 300, 11);
                assertThat(j.value(0)).as(e.name() + " loss").isEqualTo(l.value());
                assertThat(j.value(1)).as(e.name() + " depth").isEqualTo(d.value());
                assertThat(j.mean(0, 0)).as(e.name() + " d loss").isEqualTo(l.mean(0));
                assertThat(j.mean(1, 0)).as(e.name() + " d depth").isEqualTo(d.mean(0));
                assertThat(j.standardError(0, 0)).isEqualTo(l.standardError(0));
                assertThat(j.standardError(1, 0)).isEqualTo(d.standardError(0));
            }
        }
        // and the derivative is not trivially zero: the loss reacts to θ
        JacobianEstimate j = Estimators.stochasticAd().jacobian(ToyShower.shower().lossAndDepth(), new double[] {2.5},
                EstimateRequest.samples(300).seed(11));
        assertThat(Math.abs(j.mean(0, 0))).isGreaterThan(3 * j.standardError(0, 0));
    }
}
