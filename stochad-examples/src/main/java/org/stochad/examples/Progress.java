package org.stochad.examples;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on standard error for an example's own loops, or nothing when progress is off. */
public final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * @param settings whether to show progress
     * @param task     the task's name
     * @param steps    the number of steps
     * @return a started progress bar (a no-op when progress is off)
     */
    public static Progress start(RunSettings settings, String task, int steps) {
        return new Progress(settings.progress() ? new ProgressBarBuilder().setTaskName(task).setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build() : null);
    }

    /** Advances by one step. */
    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
