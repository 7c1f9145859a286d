package org.stochad;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stochad.ClosedForms.Case;
import org.stochad.ClosedForms.Kind;

/**
 * Issue 2's closed forms for stochastic AD (propagation and replay) and the score function with
 * and without baseline, each at its point and mirrored (negative tangent).
 */
class ClosedFormTest {

    static Stream<Arguments> cases() {
        return ClosedForms.all().stream().flatMap(c -> Stream.of(Kind.values())
                .flatMap(k -> Stream.of(Arguments.of(c, k, false), Arguments.of(c, k, true))));
    }

    @ParameterizedTest(name = "{0} | {1} | mirrored={2}")
    @MethodSource("cases")
    void matchesClosedForm(Case c, Kind kind, boolean mirrored) {
        StochasticProgram program = mirrored ? c.mirror() : c.direct();
        long seed = 1_000_003L * c.name().hashCode() + 31L * kind.ordinal() + (mirrored ? 7 : 0);
        GradientEstimate g = kind.estimator().estimate(program, new double[] {c.theta(mirrored)}, c.samples(kind), seed);
        Unbiased.assertUnbiased(g, c.exact(mirrored), c.name() + " by " + kind + (mirrored ? " (mirror)" : ""));
    }
}
