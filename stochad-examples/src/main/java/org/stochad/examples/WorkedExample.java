package org.stochad.examples;

import java.util.Map;

/** A worked example that the {@code stochad example} command can run by name. */
public interface WorkedExample {

    /** @return the name used on the command line, e.g. {@code random-walk} */
    String name();

    /** @return one line saying what the example shows */
    String summary();

    /** @return the example's parameters (for {@code --param name=value}) and their defaults */
    Map<String, Double> parameters();

    /**
     * Runs the example.
     *
     * @param settings   seed, samples, threads, output folder, progress
     * @param parameters values given on the command line (missing ones take their defaults)
     * @return the report
     * @throws IllegalArgumentException for an unknown parameter or a value out of range
     */
    Report run(RunSettings settings, Map<String, Double> parameters);

    /**
     * Merges given parameters over the defaults and rejects unknown names.
     *
     * @param given the given values
     * @return every parameter's value
     */
    default Map<String, Double> resolve(Map<String, Double> given) {
        Map<String, Double> all = new java.util.LinkedHashMap<>(parameters());
        for (Map.Entry<String, Double> e : given.entrySet()) {
            if (!all.containsKey(e.getKey())) {
                throw new IllegalArgumentException(name() + ": unknown parameter '" + e.getKey()
                        + "' (known: " + String.join(", ", parameters().keySet()) + ")");
            }
            all.put(e.getKey(), e.getValue());
        }
        return all;
    }

    /**
     * @param name  the parameter's name
     * @param value its value
     * @return the value when it is a probability
     * @throws IllegalArgumentException otherwise
     */
    static double probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " = " + value + " is outside [0, 1]");
        }
        return value;
    }

    /**
     * @param name  the parameter's name
     * @param value its value
     * @param lo    the smallest allowed value
     * @param hi    the largest allowed value
     * @return the value when it lies in [lo, hi]
     * @throws IllegalArgumentException otherwise
     */
    static double inRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name + " = " + value + " is outside [" + lo + ", " + hi + "]");
        }
        return value;
    }

    /**
     * @param name  the parameter's name
     * @param value its value
     * @param lo    the smallest allowed value
     * @param hi    the largest allowed value
     * @return the value as an int when it is a whole number in [lo, hi]
     * @throws IllegalArgumentException otherwise (a fraction is refused, never truncated)
     */
    static int wholeInRange(String name, double value, int lo, int hi) {
        inRange(name, value, lo, hi);
        if (value != Math.rint(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is not a whole number");
        }
        return (int) value;
    }
}
