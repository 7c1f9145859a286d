package org.stochad.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.stochad.shower.DesignOptimization;
import org.stochad.shower.DesignStudy;
import org.stochad.shower.SegmentedMaterial;
import org.stochad.shower.ShowerEvent;

/**
 * The segmented detector's figures: the optimised material map as a heat map with a shower on
 * top, the loss and radius trajectories of the optimisation, and the estimators' cost and
 * work-normalised variance against the number of parameters.
 */
public final class DesignCharts {

    private static final int MAP = 760;
    private static final int HEADER = 64;
    private static final int FOOTER = 46;
    private static final double HALF = 12.5;

    private DesignCharts() {
    }

    /**
     * Draws the material map p(x, y; θ) of the given radii in the x–y plane, the sectors' inner
     * radii as a red outline and one shower on top.
     *
     * @param material the sectors
     * @param radii    every sector's inner radius
     * @param event    a shower in that detector
     * @param title    the figure's title
     * @param target   the PNG file
     * @return the target
     */
    public static Path map(SegmentedMaterial material, double[] radii, ShowerEvent event, String title, Path target) {
        BufferedImage img = new BufferedImage(MAP, HEADER + MAP + FOOTER, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        double scale = MAP / (2 * HALF);
        for (int py = 0; py < MAP; py += 2) {
            for (int px = 0; px < MAP; px += 2) {
                double x = -HALF + (px + 1) / scale;
                double y = HALF - (py + 1) / scale;
                double p = material.probability(x, y, radii) / 0.5;
                // white → dark blue
                g.setColor(new Color((int) Math.round(255 - 225 * p), (int) Math.round(255 - 185 * p),
                        (int) Math.round(255 - 75 * p)));
                g.fillRect(px, HEADER + py, 2, 2);
            }
        }
        g.setColor(new Color(200, 30, 30));
        g.setStroke(new BasicStroke(2.2f));
        int k = material.segments();
        for (int s = 0; s < k; s++) {
            double lo = -Math.PI + 2 * Math.PI * s / k;
            double hi = -Math.PI + 2 * Math.PI * (s + 1) / k;
            int pieces = Math.max(2, 96 / k);
            for (int i = 0; i < pieces; i++) {
                double a0 = lo + (hi - lo) * i / pieces;
                double a1 = lo + (hi - lo) * (i + 1) / pieces;
                // α = atan2(x, y): x = r sin α, y = r cos α
                g.draw(new Line2D.Double(sx(scale, radii[s] * Math.sin(a0)), sy(scale, radii[s] * Math.cos(a0)),
                        sx(scale, radii[s] * Math.sin(a1)), sy(scale, radii[s] * Math.cos(a1))));
            }
            if (k > 1) {
                int next = (s + 1) % k;
                g.draw(new Line2D.Double(sx(scale, radii[s] * Math.sin(hi)), sy(scale, radii[s] * Math.cos(hi)),
                        sx(scale, radii[next] * Math.sin(hi)), sy(scale, radii[next] * Math.cos(hi))));
            }
        }
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f));
        g.setColor(new Color(0, 120, 60));
        g.draw(new Ellipse2D.Double(sx(scale, -2), sy(scale, 2), 4 * scale, 4 * scale));
        double e0 = event.segments().stream().mapToDouble(ShowerEvent.Segment::energy).max().orElse(1);
        g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (ShowerEvent.Segment s : event.segments()) {
            double f = Math.log1p(s.energy()) / Math.log1p(e0);
            int c = (int) Math.round(170 - 170 * Math.max(0, Math.min(1, f)));
            g.setColor(new Color(c, c, c));
            g.draw(new Line2D.Double(sx(scale, s.x0()), sy(scale, s.y0()), sx(scale, s.x1()), sy(scale, s.y1())));
        }
        for (ShowerEvent.Hit h : event.hits()) {
            if (h.kind() == ShowerEvent.Kind.INTERACTION) {
                g.setColor(new Color(255, 140, 0));
                g.fill(new Ellipse2D.Double(sx(scale, h.x()) - 3, sy(scale, h.y()) - 3, 6, 6));
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(ChartStyle.TITLE_FONT);
        g.drawString(title, 12, 24);
        g.setFont(ChartStyle.LABEL_FONT);
        g.drawString(String.format(Locale.ROOT, "Shading: interaction probability per step p(x, y; θ) (white 0, dark"
                + " 0.5); red: each sector's inner radius θ_k (%.2f … %.2f).", min(radii), max(radii)), 12, 46);
        g.drawString(String.format(Locale.ROOT, "One shower (grey tracks, orange interactions; D = %.2f); dashed green:"
                + " r = 2, the target depth; x, y ∈ [−%.1f, %.1f].", event.depth(), HALF, HALF),
                12, HEADER + MAP + 28);
        g.dispose();
        return ChartStyle.savePng(img, target);
    }

    /**
     * Writes three panels: the objective per step (mean and 10–90 % band over runs, per
     * estimator), every sector's final radius against its angle (median and 10–90 % band over
     * runs, per estimator), and the first estimator's radius trajectories (mean and 10–90 % band)
     * of four sectors.
     *
     * @param r      the optimisation
     * @param target the PNG file
     * @return the target
     */
    public static Path trajectories(DesignOptimization.Result r, Path target) {
        XYChart loss = ChartStyle.xy(ChartStyle.PANEL_WIDTH, ChartStyle.HEIGHT, r.label() + ", " + r.segments()
                + " sectors: objective per step (mean, 10–90 % band; " + ShowerCharts.SMOOTHING + "-step mean)",
                "step", "objective of the step's events");
        loss.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        XYChart finals = ChartStyle.xy(ChartStyle.PANEL_WIDTH, ChartStyle.HEIGHT, "final inner radius per sector"
                + " (median, 10–90 % band over runs)", "sector centre angle α = atan2(x, y)", "θ_k");
        finals.getStyler().setLegendPosition(Styler.LegendPosition.InsideS);
        XYChart paths = ChartStyle.xy(ChartStyle.PANEL_WIDTH, ChartStyle.HEIGHT, r.estimators().get(0).estimator()
                + ": θ_k per step (mean, 10–90 % band)", "step", "θ_k");
        paths.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        SegmentedMaterial material = SegmentedMaterial.of(r.segments());
        double[] angles = new double[r.segments()];
        Arrays.setAll(angles, material::centre);
        int i = 0;
        for (DesignOptimization.EstimatorRuns e : r.estimators()) {
            Color c = ChartStyle.colour(i++);
            double[] lossMean = mean(e.runs().stream().map(o -> o.loss()).toList());
            double[] x = steps(lossMean.length);
            ChartStyle.band(loss, e.estimator(), x, ShowerCharts.smooth(lossMean), ShowerCharts.smooth(e.lossQuantile(0.1)),
                    ShowerCharts.smooth(e.lossQuantile(0.9)), c);
            double[] med = new double[angles.length];
            double[] lo = new double[angles.length];
            double[] hi = new double[angles.length];
            for (int j = 0; j < angles.length; j++) {
                med[j] = e.finalThetaQuantile(j, 0.5);
                lo[j] = e.finalThetaQuantile(j, 0.1);
                hi[j] = e.finalThetaQuantile(j, 0.9);
            }
            ChartStyle.band(finals, e.estimator(), angles, med, lo, hi, c);
        }
        DesignOptimization.EstimatorRuns first = r.estimators().get(0);
        int k = r.segments();
        List<Integer> shown = new ArrayList<>();
        for (int q = 0; q < Math.min(4, k); q++) {
            shown.add(q * k / Math.min(4, k));
        }
        int colour = 0;
        for (int j : shown) {
            double[] m = first.thetaQuantile(j, 0.5);
            ChartStyle.band(paths, String.format(Locale.ROOT, "sector %d (α = %.2f)", j, angles[j]), steps(m.length), m,
                    first.thetaQuantile(j, 0.1), first.thetaQuantile(j, 0.9), ChartStyle.colour(colour++));
        }
        finals.getStyler().setXAxisDecimalPattern("0.00");
        ChartStyle.integerXAxis(loss);
        ChartStyle.integerXAxis(paths);
        return ChartStyle.savePng(List.of(loss, finals, paths), 1, 3, target);
    }

    /**
     * Writes two panels against the number of sectors K (log–log): each estimator's cost per
     * event relative to a primal shower, and its work-normalised variance (mean per-component
     * variance × cost).
     *
     * @param r      the study
     * @param target the PNG file
     * @return the target
     */
    public static Path scaling(DesignStudy.Result r, Path target) {
        XYChart cost = ChartStyle.xy(ChartStyle.PANEL_WIDTH, ChartStyle.HEIGHT, r.label() + ": cost per event"
                + " relative to a primal shower (one thread, median of rounds)", "K (sectors = parameters)",
                "cost / primal");
        XYChart work = ChartStyle.xy(ChartStyle.PANEL_WIDTH, ChartStyle.HEIGHT, "work-normalised variance:"
                + " mean per-component variance × cost", "K (sectors = parameters)", "variance × cost");
        cost.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        work.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        int i = 0;
        for (String name : r.estimators()) {
            List<DesignStudy.Row> rows = r.of(name);
            double[] x = rows.stream().mapToDouble(DesignStudy.Row::segments).toArray();
            Color c = ChartStyle.colour(i++);
            XYSeries s = cost.addSeries(name, x, rows.stream().mapToDouble(DesignStudy.Row::costRatio).toArray());
            s.setLineColor(c);
            s.setMarkerColor(c);
            s.setMarker(SeriesMarkers.CIRCLE);
            XYSeries w = work.addSeries(name, x,
                    rows.stream().mapToDouble(DesignStudy.Row::workNormalisedVariance).toArray());
            w.setLineColor(c);
            w.setMarkerColor(c);
            w.setMarker(SeriesMarkers.CIRCLE);
        }
        ChartStyle.logX(cost);
        ChartStyle.logY(cost);
        ChartStyle.logX(work);
        ChartStyle.logY(work);
        return ChartStyle.savePng(List.of(cost, work), 1, 2, target);
    }

    private static double[] steps(int n) {
        double[] x = new double[n];
        Arrays.setAll(x, t -> t);
        return x;
    }

    private static double[] mean(List<double[]> series) {
        double[] m = new double[series.get(0).length];
        for (double[] s : series) {
            for (int t = 0; t < m.length; t++) {
                m[t] += s[t] / series.size();
            }
        }
        return m;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }

    private static double sx(double scale, double x) {
        return (x + HALF) * scale;
    }

    private static double sy(double scale, double y) {
        return HEADER + (HALF - y) * scale;
    }
}
