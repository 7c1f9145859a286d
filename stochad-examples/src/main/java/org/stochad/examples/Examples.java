package org.stochad.examples;

import java.util.List;

/** The registry of worked examples, in the order the help lists them. */
public final class Examples {

    private static final List<WorkedExample> ALL = List.of(new Intro(), new SinBernoulli(), new RandomWalk(),
            new GameOfLife(), new PoissonFit(), new Inventory(), new BiasedEstimators());

    private Examples() {
    }

    /** @return every example */
    public static List<WorkedExample> all() {
        return ALL;
    }

    /** @return the examples' names */
    public static List<String> names() {
        return ALL.stream().map(WorkedExample::name).toList();
    }

    /**
     * @param name an example's name
     * @return the example
     * @throws IllegalArgumentException when there is no such example
     */
    public static WorkedExample byName(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown example '" + name + "' (known: " + String.join(", ", names()) + ")"));
    }
}
