package org.stochad.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stochad.Estimator;
import org.stochad.GradientEstimate;
import org.stochad.Sampler;
import org.stochad.StochasticProgram;
import org.stochad.StochasticTriple;

/**
 * Guards the speed work on the core's hot paths against any change of behaviour: every
 * estimator on every benchmark program (and on two more that exercise Poisson, binomial,
 * geometric and categorical draws and six tangent directions) must give, bit for bit, the
 * estimates the core gave before the optimisation (recorded at commit 1a81a3a, 40 samples,
 * seed 12345, as the raw bits of value, then mean and variance per component).
 */
class GoldenEstimatesTest {

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("sin-bernoulli:primal",
                    "3ff70a3d70a3d70a 0 0"),
            Map.entry("sin-bernoulli:propagate",
                    "3ff70a3d70a3d70a 40047a035f199dae 403a33ebcad81203"),
            Map.entry("sin-bernoulli:replay-1",
                    "3ff70a3d70a3d70a 40047a035f199dae 403a33ebcad81203"),
            Map.entry("sin-bernoulli:replay-4",
                    "3ff70a3d70a3d70a 40047a035f199dae 403a33ebcad81203"),
            Map.entry("sin-bernoulli:score",
                    "3ff70a3d70a3d70a 3ffcef160756441d 401dec870d1e135a"),
            Map.entry("sin-bernoulli:score-baseline",
                    "3ff70a3d70a3d70a 400481f49e7fe6b2 4038cc68bfbac0c5"),
            Map.entry("sin-bernoulli:fd",
                    "3ff70a3d70a3d70a 3ff666666666666d 399c0fc0fc0fc0fd"),
            Map.entry("sin-bernoulli:hybrid",
                    "3ff70a3d70a3d70a 40047a035f199dae 403a33ebcad81203"),
            Map.entry("branching:primal",
                    "402dcccccccccccd 0 0"),
            Map.entry("branching:propagate",
                    "402dcccccccccccd 0 0"),
            Map.entry("branching:replay-1",
                    "402dcccccccccccd 405e700000000000 40d0320276276276"),
            Map.entry("branching:replay-4",
                    "402dcccccccccccd 405d6c0000000000 40c46aaa27627627"),
            Map.entry("branching:score",
                    "402dcccccccccccd 4063600000000000 4119a76ead958403"),
            Map.entry("branching:score-baseline",
                    "402dcccccccccccd 406327cb7cb7cb7d 4116951462eaa64a"),
            Map.entry("branching:fd",
                    "402dcccccccccccd 403e000000000000 40d1209d89d89d8a"),
            Map.entry("branching:hybrid",
                    "402dcccccccccccd 406333c6f98e9933 40faa60599af9a73"),
            Map.entry("random-walk:primal",
                    "408df80000000000 0 0"),
            Map.entry("random-walk:propagate",
                    "408df80000000000 403ce29e10044128 40802bc27a6aa922"),
            Map.entry("random-walk:replay-1",
                    "408df80000000000 4039826f00023806 4091868fb40fa0da"),
            Map.entry("random-walk:replay-4",
                    "408df80000000000 403c4381c649fb5b 4084487ebdb0eece"),
            Map.entry("random-walk:score",
                    "408df80000000000 40114856b474a8b2 40cd8bdbdcb78d02"),
            Map.entry("random-walk:score-baseline",
                    "408df80000000000 40411863790ee1d4 4093f72039128504"),
            Map.entry("random-walk:fd",
                    "408df80000000000 4063600000000000 412d53d000000000"),
            Map.entry("random-walk:hybrid",
                    "408df80000000000 403b30002a5957e5 407f075512f5e28d"),
            Map.entry("shower:primal",
                    "400043fccf38200c 0 0"),
            Map.entry("shower:propagate",
                    "throws IllegalStateException"),
            Map.entry("shower:replay-1",
                    "400043fccf38200c 3ffe0afb2bfa3e43 40224ee5d6c6fb9a"),
            Map.entry("shower:replay-4",
                    "400043fccf38200c 3ffc9088b4603262 401a4cc46a372145"),
            Map.entry("shower:score",
                    "400043fccf38200c 4012be2df3c375fa 405e87e9f7744115"),
            Map.entry("shower:score-baseline",
                    "400043fccf38200c 400005bdd9f097a9 4032400748118c44"),
            Map.entry("shower:fd",
                    "400043fccf38200c 3fd51d58e155adbd 3ff2a250c0d47a5e"),
            Map.entry("shower:hybrid",
                    "400043fccf38200c 40009a92b143f30b 4030328de4e5952c"),
            Map.entry("lund:primal",
                    "402fe66666666666 0 0 0 0 0 0 0 0"),
            Map.entry("lund:propagate",
                    "throws IllegalStateException"),
            Map.entry("lund:replay-1",
                    "402fe66666666666 bfed275fab8c18f5 404099b8a7c6cf8b bfda4ffcc27db58a 40857e093de88d40 bff67b3131dd211d 40d0893fc7d697ab 0 0"),
            Map.entry("lund:replay-4",
                    "402fe66666666666 bfed128907a1ea3b 40880ccfd696ec40 c00262490f689bf6 4080a1ec2f2c04a1 c026b3d631eeba8d 40cb87c5c72b96d9 0 0"),
            Map.entry("lund:score",
                    "402fe66666666666 3fd9e35b8abe4a92 409b3dbdae252897 402a80f393b17850 40a1aabccf806aba 404dc6918c84b253 40f1636c0201d3fd 0 0"),
            Map.entry("lund:score-baseline",
                    "402fe66666666666 40095afcec942d49 4041a7670bd5da13 bfe946fe72bf84c5 40537392d1740f7d c0188a6ba287137e 409f43dddeab2369 0 0"),
            Map.entry("lund:fd",
                    "402fe66666666666 4024000000000000 40c5156f96f96f97 c03cc00000000000 40c5819be5be5be6 c03e000000000000 40d1a0d20d20d20d 0 0"),
            Map.entry("lund:hybrid",
                    "402fe66666666666 3fb46a58c76f6f07 4043a7b7654516e7 bfc0658e095598b6 4071d28d90891282 bf9602987df59128 40c03bfd4c36d9d2 0 0"),
            Map.entry("lund-a:primal",
                    "402fe66666666666 0 0"),
            Map.entry("lund-a:propagate",
                    "throws IllegalStateException"),
            Map.entry("lund-a:replay-1",
                    "402fe66666666666 400f91a32d2a55e8 407e1a0e3a0db2f3"),
            Map.entry("lund-a:replay-4",
                    "402fe66666666666 4003cb47348d4812 4073a2488749fb9b"),
            Map.entry("lund-a:score",
                    "402fe66666666666 3fd9e35b8abe4a92 409b3dbdae252897"),
            Map.entry("lund-a:score-baseline",
                    "402fe66666666666 40095afcec942d49 4041a7670bd5da13"),
            Map.entry("lund-a:fd",
                    "402fe66666666666 4024000000000000 40c5156f96f96f97"),
            Map.entry("lund-a:hybrid",
                    "402fe66666666666 40095084e1fc84df 4054609f7be9662e"),
            Map.entry("draws:primal",
                    "4033af14cbbde25e 0 0 0 0"),
            Map.entry("draws:propagate",
                    "4033af14cbbde25e 401d60ee685a5a80 40158c16631163c8 c0309fc52f862b99 40bee843c75f4f27"),
            Map.entry("draws:replay-1",
                    "4033af14cbbde25e 4019317378dafd61 404585cea676d80e c030c8c8e1a72c76 40c6ec7101900787"),
            Map.entry("draws:replay-4",
                    "4033af14cbbde25e 401cdbebf19224b6 40271a88ab12b1f0 c0238325a057e726 40b0d43ecd49f8f5"),
            Map.entry("draws:score",
                    "4033af14cbbde25e 4032127f117b38ac 40bd9cb7d688368d c040b9944f83b03a 40de8a027a972a8a"),
            Map.entry("draws:score-baseline",
                    "4033af14cbbde25e 40312f2cb844fdb8 40a6ba7a42b194f2 c038b0e13e178ba5 40c8c504824a663a"),
            Map.entry("draws:fd",
                    "4033af14cbbde25e 4017ffe45438fe0b 4052bc1308776937 c020c00000000002 40c79f0b13b13b15"),
            Map.entry("draws:hybrid",
                    "4033af14cbbde25e 401a94c63b502e86 4043e5a985bdbbc6 c03622bb479c883e 40c738ee0ca61001"),
            Map.entry("six:primal",
                    "4014e3c21cce3cc4 0 0 0 0 0 0 0 0 0 0 0 0"),
            Map.entry("six:propagate",
                    "4014e3c21cce3cc4 3fe08ede54b48d3b 0 3fe4601afb1f693e 0 400339a43da88b28 3fcec4ec4ec4ec50 400e9549a79a9bbd 3980bd0bd0bd0bd0 400e32ade0ec151a 3f9d75481f148976 400cc71483925232 3f9091f8917b8d58"),
            Map.entry("six:replay-1",
                    "4014e3c21cce3cc4 3fe08ede54b48d3b 0 3fe4601afb1f693e 0 400339a43da88b28 3fcec4ec4ec4ec50 400e3eedf7830905 3ff0363d5793fe28 400e5538f428b630 3fc9641797a55153 400ce0fcd1ffcb03 3fbc909a8a99fb78"),
            Map.entry("six:replay-4",
                    "4014e3c21cce3cc4 3fe08ede54b48d3b 0 3fe4601afb1f693e 0 400339a43da88b28 3fcec4ec4ec4ec50 400e3eedf7830905 3fc90052592083f8 400e5538f428b630 3fb147ac80179e6e 400ce0fcd1ffcb03 3fa370a2101a9240"),
            Map.entry("six:score",
                    "4014e3c21cce3cc4 3fe08ede54b48d3b 0 3fe4601afb1f693e 0 400339a43da88b28 3fcec4ec4ec4ec50 4001e11861fa9a46 405bfece6295639a 400efe1723a0b195 401020c6d74b3155 400d5fa37599c790 400224dfb2349782"),
            Map.entry("six:score-baseline",
                    "4014e3c21cce3cc4 3fe08ede54b48d3b 0 3fe4601afb1f693e 0 400339a43da88b28 3fcec4ec4ec4ec50 400a64569869a8ae 4023f37af39746c6 400eca79a2251f73 3fd0ccb82c4a8c15 400d38ed547d19f5 3fc2e64f31d3dd99"),
            Map.entry("six:fd",
                    "4014e3c21cce3cc4 3fe08ede54b48bc0 0 3fe4601385ea538c 3a2f400000000000 4003399fbfec81db 3fcec4ec4ec4eb19 40181771455a1d63 406cd89d89d89d8b 400d28f9c586a8ab 3a3c0513b13b13b1 400bffcbac44519e 3a36029d89d89d8a"),
            Map.entry("six:hybrid",
                    "4014e3c21cce3cc4 3fe08ede54b48d3b 0 3fe4601afb1f693e 0 400339a43da88b28 3fcec4ec4ec4ec50 400e15edc2456abe 3ff00ff4546a9a8f 400e9841c70da6d3 3fc1a70c027ec032 400d1343702b7f7d 3fb3dbed82ce983e"));

    @Test
    void everyEstimateIsBitIdenticalToThePreOptimisationCore() {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            String[] parts = e.getKey().split(":");
            String actual = fingerprint(parts[0], parts[1]);
            if (!actual.equals(e.getValue())) {
                mismatches.add(e.getKey() + ": expected " + e.getValue() + ", got " + actual);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(EXPECTED).hasSize(64);
    }

    private static String fingerprint(String programName, String estimatorName) {
        StochasticProgram program;
        double[] theta;
        switch (programName) {
            case "draws" -> {
                program = GoldenEstimatesTest::draws;
                theta = new double[] {1.3, 0.35};
            }
            case "six" -> {
                program = GoldenEstimatesTest::six;
                theta = new double[] {0.9, 1.1, 0.7, 1.4, 0.6, 0.8};
            }
            default -> {
                BenchmarkPrograms.Case c = BenchmarkPrograms.of(programName);
                program = c.program();
                theta = c.theta();
            }
        }
        Estimator estimator = BenchmarkEstimators.of(estimatorName);
        GradientEstimate g;
        try {
            g = estimator.estimate(program, theta, 40, 12345);
        } catch (RuntimeException ex) {
            return "throws " + ex.getClass().getSimpleName();
        }
        StringBuilder sb = new StringBuilder(bits(g.value()));
        for (int j = 0; j < theta.length; j++) {
            sb.append(' ').append(bits(g.mean(j))).append(' ').append(bits(g.variance(j)));
        }
        return sb.toString();
    }

    private static String bits(double x) {
        return Long.toHexString(Double.doubleToRawLongBits(x));
    }

    /** Poisson, binomial (two sizes), geometric and categorical draws in one program of two parameters. */
    static StochasticTriple draws(Sampler s, StochasticTriple[] t) {
        StochasticTriple a = s.fork(1).poisson(t[0].times(3));
        StochasticTriple b = s.fork(2).binomial(10, t[1]);
        StochasticTriple c = s.fork(3).geometric(t[1].times(0.5).plus(0.2));
        StochasticTriple d = s.fork(4).categorical(t[1], t[1].neg().plus(1).times(0.5), t[1].neg().plus(1).times(0.5));
        StochasticTriple e = s.fork(5).binomial(30, t[0].times(0.1));
        return a.plus(b.times(t[0])).plus(c.square()).plus(d).plus(e.sqrt());
    }

    /** Six tangent directions: more than a triple keeps in fields. */
    static StochasticTriple six(Sampler s, StochasticTriple[] t) {
        StochasticTriple x = t[0];
        for (int j = 1; j < 6; j++) {
            x = x.times(t[j]).plus(t[j].sin()).log().exp();
        }
        StochasticTriple p = t[5].times(t[4]).logistic();
        return x.plus(s.bernoulli(p).times(t[2])).plus(s.fork(9).poisson(t[3].square()));
    }
}
