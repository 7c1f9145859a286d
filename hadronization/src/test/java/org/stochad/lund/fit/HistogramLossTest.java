package org.stochad.lund.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.stochad.lund.io.BinnedData;

/** The losses against closed forms and their gradients against finite differences. */
class HistogramLossTest {

    private static final double[] EDGES = {0, 1, 2, 3, 4, 5};

    @Test
    void wassersteinOfTwoPointMassesIsTheirDistance() {
        BinnedData d = new BinnedData("d", EDGES, new double[] {0, 1, 0, 0, 0}, new double[5]);
        double[] g = new double[5];
        assertThat(HistogramLoss.WASSERSTEIN.value(new double[] {0, 0, 0, 3, 0}, new double[5], d, g))
                .isCloseTo(2.0, offset(1e-12));
        // normalisation: scaling the simulation does not change W
        assertThat(HistogramLoss.WASSERSTEIN.value(new double[] {0, 0, 0, 0.5, 0}, new double[5], d, g))
                .isCloseTo(2.0, offset(1e-12));
        // half the mass moved by one bin: W = 0.5
        assertThat(HistogramLoss.WASSERSTEIN.value(new double[] {0, 1, 1, 0, 0}, new double[5], d, g))
                .isCloseTo(0.5, offset(1e-12));
    }

    @Test
    void chiSquareIsTheSumOfSquaredPulls() {
        BinnedData d = new BinnedData("d", EDGES, new double[] {1, 2, 3, 4, 5}, new double[] {1, 1, 1, 1, 2});
        double[] g = new double[5];
        double v = HistogramLoss.CHI2.value(new double[] {2, 2, 3, 4, 5}, new double[] {0, 0, 0, 0, 0}, d, g);
        assertThat(v).isCloseTo(1.0, offset(1e-12));
        v = HistogramLoss.CHI2.value(new double[] {1, 2, 3, 4, 7}, new double[] {0, 0, 0, 0, 4}, d, g);
        assertThat(v).isCloseTo(0.5, offset(1e-12));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(3);
        for (HistogramLoss loss : HistogramLoss.values()) {
            for (int rep = 0; rep < 5; rep++) {
                double[] sim = new double[5];
                double[] dat = new double[5];
                double[] err = new double[5];
                double[] var = new double[5];
                for (int k = 0; k < 5; k++) {
                    sim[k] = 0.1 + r.nextDouble();
                    dat[k] = 0.1 + r.nextDouble();
                    err[k] = 0.05 + 0.1 * r.nextDouble();
                    var[k] = 0.01 * r.nextDouble();
                }
                BinnedData d = new BinnedData("d", EDGES, dat, err);
                double[] g = new double[5];
                loss.value(sim, var, d, g);
                for (int k = 0; k < 5; k++) {
                    double h = 1e-6;
                    double[] up = sim.clone();
                    double[] down = sim.clone();
                    up[k] += h;
                    down[k] -= h;
                    double fd = (loss.value(up, var, d, new double[5]) - loss.value(down, var, d, new double[5])) / (2 * h);
                    assertThat(g[k]).as("%s bin %d", loss, k).isCloseTo(fd, offset(1e-5 * (1 + Math.abs(fd))));
                }
            }
        }
    }

    @Test
    void mismatchedBinsAreRejected() {
        BinnedData d = new BinnedData("d", EDGES, new double[5], new double[5]);
        assertThatThrownBy(() -> HistogramLoss.CHI2.value(new double[4], new double[4], d, new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 bins");
    }
}
