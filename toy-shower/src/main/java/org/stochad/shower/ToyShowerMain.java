package org.stochad.shower;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stochad.ProgressListener;
import org.stochad.study.OutputFiles;

/**
 * A runnable front end until the {@code stochad} command line exists:
 * {@code scan | compare | cost | optimize | display} followed by {@code --key=value} options
 * ({@code --config=shower|eloss|both}, {@code --out=DIR}, {@code --seed=N}, {@code --events=N},
 * {@code --points=N}, {@code --theta=T}, {@code --steps=N}, {@code --runs=N}).
 */
public final class ToyShowerMain {

    private static final Set<String> KEYS = Set.of("config", "out", "seed", "events", "points", "theta", "steps",
            "runs", "progress");

    private ToyShowerMain() {
    }

    /**
     * @param args the subcommand and its options
     */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("toy-shower: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Runs a subcommand, printing its summary to standard output.
     *
     * @param args the subcommand and its options
     * @throws IllegalArgumentException on an unknown subcommand or a bad option
     */
    public static void run(String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: scan|compare|cost|optimize|display [--config=shower|eloss|both]"
                    + " [--out=DIR] [--seed=N] [--events=N] [--points=N] [--theta=T] [--steps=N] [--runs=N]");
        }
        Map<String, String> o = options(args);
        Path out = Path.of(o.getOrDefault("out", "toy-shower-output"));
        long seed = longValue(o, "seed", 20230831L);
        boolean progress = Boolean.parseBoolean(o.getOrDefault("progress", "true"));
        ProgressListener listener = progress
                ? (done, detail) -> System.err.print("\r" + done + " done " + detail + "   ")
                : ProgressListener.none();
        for (ToyShower s : configs(o.getOrDefault("config", "both"))) {
            String label = s.config().label();
            switch (args[0]) {
                case "scan" -> {
                    LossScan.Result r = LossScan.of(s, 0.2, 4.0, integer(o, "points", 31), integer(o, "events", 2000),
                            seed).runAndWrite(out);
                    System.out.println(r.summary());
                }
                case "compare" -> {
                    ShowerStudy.Result r = ShowerStudy.of(s, integer(o, "events", 4000), seed).withProgress(listener)
                            .runAndWrite(out);
                    System.out.println(r.study().toTable());
                }
                case "cost" -> {
                    double theta = decimal(o, "theta", 2.5);
                    List<CostMeasurement.Cost> costs = CostMeasurement.measure(s, theta, ShowerStudy.defaultEstimators(),
                            integer(o, "events", 3000), integer(o, "runs", 5));
                    String table = label + " configuration at theta = " + theta + "\n" + CostMeasurement.toTable(costs);
                    OutputFiles.writeString(out.resolve("toy-shower-cost-" + label + ".txt"), table);
                    System.out.print(table);
                }
                case "optimize", "optimise" -> {
                    ShowerOptimization.Result r = ShowerOptimization.of(s, seed)
                            .withStepsAndRuns(integer(o, "steps", 500), integer(o, "runs", 10)).runAndWrite(out);
                    System.out.print(r.toTable());
                    System.out.printf(java.util.Locale.ROOT, "total wall time %.1f s%n", r.nanos() / 1e9);
                }
                case "display" -> {
                    double theta = decimal(o, "theta", 1.5);
                    EventDisplay.Result r = EventDisplay.of(s, theta, seed).runAndWrite(out);
                    System.out.println(r.summary());
                }
                default -> throw new IllegalArgumentException("unknown subcommand '" + args[0]
                        + "'; expected scan, compare, cost, optimize or display");
            }
        }
    }

    private static List<ToyShower> configs(String name) {
        return switch (name) {
            case "shower" -> List.of(ToyShower.shower());
            case "eloss" -> List.of(ToyShower.eloss());
            case "both" -> List.of(ToyShower.shower(), ToyShower.eloss());
            default -> throw new IllegalArgumentException("config = " + name + " is not shower, eloss or both");
        };
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("option '" + a + "' is not of the form --key=value");
            }
            String key = a.substring(2, eq);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "; known: " + KEYS);
            }
            o.put(key, a.substring(eq + 1));
        }
        return o;
    }

    private static long longValue(Map<String, String> o, String key, long fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " = " + v + " is not an integer");
        }
    }

    private static double decimal(Map<String, String> o, String key, double fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " = " + v + " is not a number");
        }
    }

    private static int integer(Map<String, String> o, String key, int fallback) {
        String v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " = " + v + " is not an integer");
        }
    }
}
