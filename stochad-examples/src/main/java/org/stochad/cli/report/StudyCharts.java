package org.stochad.cli.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.stochad.study.OutputFiles;
import org.stochad.study.StudyResult;
import org.stochad.study.StudyRow;

/** The files of a variance study: its CSV table and its plot of per-sample spread and work-normalised variance. */
public final class StudyCharts {

    private StudyCharts() {
    }

    /**
     * @param study  the study
     * @param target the CSV file
     * @return the target
     */
    public static Path writeCsv(StudyResult study, Path target) {
        return OutputFiles.writeString(target, study.toCsv());
    }

    /**
     * Writes a PNG with two panels, per gradient component 0: the standard deviation of one
     * sample's estimate and the work-normalised variance, per estimator against the parameter
     * points (log scale).
     *
     * @param study  the study
     * @param target the PNG file
     * @return the target
     */
    public static Path writePlot(StudyResult study, Path target) {
        XYChart sd = chart(study.title(), "sd per sample", "sd of one sample's gradient estimate");
        XYChart work = chart(study.title(), "work-normalised variance", "variance × cost / primal cost");
        Map<String, List<StudyRow>> byEstimator = new LinkedHashMap<>();
        for (StudyRow r : study.rows()) {
            if (r.component() == 0) {
                byEstimator.computeIfAbsent(r.estimator(), k -> new ArrayList<>()).add(r);
            }
        }
        byEstimator.forEach((name, list) -> {
            double[] x = list.stream().mapToDouble(r -> r.theta()[0]).toArray();
            add(sd, name, x, list.stream().mapToDouble(StudyRow::sdPerSample).toArray());
            add(work, name, x, list.stream().mapToDouble(StudyRow::workNormalisedVariance).toArray());
        });
        List<Chart<?, ?>> charts = List.of(sd, work);
        return OutputFiles.writeAtomically(target, p -> {
            String base = p.toString().substring(0, p.toString().length() - ".png".length());
            BitmapEncoder.saveBitmap(charts, 1, 2, base, BitmapEncoder.BitmapFormat.PNG);
        });
    }

    private static XYChart chart(String title, String panel, String yLabel) {
        XYChart c = new XYChartBuilder().width(640).height(460).title(title + ": " + panel)
                .xAxisTitle("θ₀").yAxisTitle(yLabel).build();
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        return c;
    }

    private static void add(XYChart c, String name, double[] x, double[] y) {
        double[] positive = y.clone();
        for (int i = 0; i < positive.length; i++) {
            positive[i] = Math.max(positive[i], 1e-300);
        }
        XYSeries s = c.addSeries(name, x, positive);
        s.setMarker(SeriesMarkers.CIRCLE);
    }
}
