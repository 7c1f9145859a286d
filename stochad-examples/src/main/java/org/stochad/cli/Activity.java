package org.stochad.cli;

import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.stochad.examples.RunSettings;

/**
 * An indeterminate progress bar (elapsed time on standard error) around a long task whose
 * library call reports no progress of its own.
 */
final class Activity {

    private Activity() {
    }

    /**
     * Runs a task, showing its name and the elapsed time while it runs when progress is on.
     *
     * @param settings whether to show progress
     * @param task     the task's name
     * @param body     the task
     * @param <T>      its result type
     * @return the task's result
     */
    static <T> T run(RunSettings settings, String task, Callable<T> body) {
        if (!settings.progress()) {
            return call(body);
        }
        String[] spinner = {"|", "/", "-", "\\"};
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(-1)
                .setUpdateIntervalMillis(500).continuousUpdate().setRenderer((state, width) -> {
                    long s = state.getTotalElapsed().getSeconds();
                    String text = String.format(java.util.Locale.ROOT, "%s %s running, %d:%02d:%02d elapsed",
                            state.getTaskName(), spinner[(int) (state.getTotalElapsed().toMillis() / 500 % 4)],
                            s / 3600, s / 60 % 60, s % 60);
                    return text.length() > width ? text.substring(0, width) : text;
                }).build()) {
            return call(body);
        }
    }

    private static <T> T call(Callable<T> body) {
        try {
            return body.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
