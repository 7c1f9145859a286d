package org.stochad.cli.report;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.stochad.ProgressListener;

/**
 * The core's {@link ProgressListener} drawn as a progress bar on standard error: a percentage
 * and an estimated time left, since the listener is told the amount of work.
 */
public final class ConsoleProgress implements ProgressListener {

    private ProgressBar bar;

    private ConsoleProgress() {
    }

    /**
     * @param show whether to show progress at all
     * @return a listener drawing a bar, or one that ignores everything
     */
    public static ProgressListener of(boolean show) {
        return show ? new ConsoleProgress() : ProgressListener.none();
    }

    @Override
    public void start(String task, long total) {
        finish();
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .continuousUpdate().build();
    }

    @Override
    public void advance(long done, String detail) {
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(detail.isEmpty() ? "" : " " + detail);
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
