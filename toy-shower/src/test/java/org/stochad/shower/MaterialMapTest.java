package org.stochad.shower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MaterialMapTest {

    @Test
    void probabilityIsThePublishedFormulaAndItsDerivativeTheProductRule() {
        SplittableRandom rng = new SplittableRandom(3L);
        for (int i = 0; i < 2000; i++) {
            double x = rng.nextDouble(-15, 15);
            double y = rng.nextDouble(-15, 15);
            double theta = rng.nextDouble(0, 4);
            double[] reference = ShowerEnumeration.material(x, y, theta);
            assertThat(MaterialMap.probability(x, y, theta)).isCloseTo(reference[0], within(1e-14))
                    .isBetween(0.0, 0.5);
            assertThat(MaterialMap.thetaDerivative(x, y, theta)).isCloseTo(reference[1], within(1e-12));
            double h = 1e-5;
            double fd = (MaterialMap.probability(x, y, theta + h) - MaterialMap.probability(x, y, theta - h)) / (2 * h);
            assertThat(MaterialMap.thetaDerivative(x, y, theta)).isCloseTo(fd, within(1e-6));
        }
    }

    @Test
    void materialIsAnAnnulusFromThetaToThetaPlusTen() {
        double theta = 2.5;
        // on a ring maximum (cos(10(r − 2)) = −1) well inside the annulus, at the spiral's best angle
        double r = 2 + 9 * Math.PI / 10;
        double inside = 0;
        for (int k = 0; k < 3600; k++) {
            double a = 2 * Math.PI * k / 3600;
            inside = Math.max(inside, MaterialMap.probability(r * Math.sin(a), r * Math.cos(a), theta));
        }
        assertThat(inside).isGreaterThan(0.45);
        assertThat(MaterialMap.probability(0.5, 0.5, theta)).isLessThan(1e-7);
        assertThat(MaterialMap.probability(10, 10, theta)).isLessThan(1e-7);
    }
}
