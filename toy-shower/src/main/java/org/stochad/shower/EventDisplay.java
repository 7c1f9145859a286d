package org.stochad.shower;

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
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.stochad.Estimators;
import org.stochad.GradientEstimate;
import org.stochad.study.OutputFiles;

/**
 * Draws one shower and the alternative world that stochastic AD replayed for it, side by side
 * over the material map: the alternative world is the same event with one interaction draw
 * flipped and every other random number reused. Both worlds come from the real estimator (a
 * recording copy of the program sees the primal run and the replay).
 */
public final class EventDisplay {

    private static final int PANEL = 700;
    private static final int HEADER = 70;
    private static final int FOOTER = 50;
    private static final int MAX_TRIES = 1000;

    private final ToyShower shower;
    private final double theta;
    private final long seed;

    private EventDisplay(ToyShower shower, double theta, long seed) {
        this.shower = shower;
        this.theta = theta;
        this.seed = seed;
    }

    /**
     * @param shower the shower
     * @param theta  the inner radius, finite and &ge; 0
     * @param seed   the first seed tried; the display uses the first seed from here whose replayed
     *               flip is one of the first two generations' particles, so the two worlds differ visibly
     * @return the display
     */
    public static EventDisplay of(ToyShower shower, double theta, long seed) {
        if (shower == null) {
            throw new IllegalArgumentException("shower = null");
        }
        if (!(theta >= 0) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("theta = " + theta + " is not a finite number >= 0");
        }
        return new EventDisplay(shower.withObservable(ToyShower.Observable.LOSS), theta, seed);
    }

    /**
     * The two worlds of one stochastic-AD sample.
     *
     * @param seed        the seed of the sample shown
     * @param theta       the inner radius
     * @param primal      the primal shower
     * @param alternative the replayed alternative shower
     * @param flipIndex   index in both hit lists of the flipped draw's hit
     * @param sample      this sample's derivative estimate W·(ℓ_alt − ℓ)
     * @param weight      W, the total flip rate of the primal run
     * @param image       the PNG written, or null
     */
    public record Result(long seed, double theta, ShowerEvent primal, ShowerEvent alternative, int flipIndex,
                         double sample, double weight, Path image) {

        /** @return the hit whose draw was flipped, as it was in the primal world */
        public ShowerEvent.Hit flippedHit() {
            return primal.hits().get(flipIndex);
        }

        /** @return a one-line description */
        public String summary() {
            ShowerEvent.Hit h = flippedHit();
            return String.format(Locale.ROOT, "seed %d, theta %.3f: primal loss %.4f (D %.3f, %d hits), alternative"
                    + " loss %.4f (D %.3f, %d hits); flipped particle %d at step %d (%s -> %s) at r = %.3f;"
                    + " W = %.4g, sample W*(l_alt - l) = %.4g", seed, theta, primal.loss(), primal.depth(),
                    primal.hits().size(), alternative.loss(), alternative.depth(), alternative.hits().size(),
                    h.lineage(), h.step(), h.kind(), alternative.hits().get(flipIndex).kind(), h.radius(), weight,
                    sample);
        }
    }

    /** @return the two worlds of the first suitable seed, not drawn */
    public Result find() {
        Result any = null;
        for (int i = 0; i < MAX_TRIES; i++) {
            Result r = worlds(seed + i);
            if (r == null) {
                continue;
            }
            if (r.flippedHit().lineage() <= 3 && r.primal().loss() != r.alternative().loss()) {
                return r;
            }
            if (any == null) {
                any = r;
            }
        }
        if (any == null) {
            throw new IllegalStateException("no event with a replayed flip in " + MAX_TRIES + " seeds from " + seed
                    + " at theta = " + theta);
        }
        return any;
    }

    /**
     * Finds the worlds and draws them into a PNG.
     *
     * @param target the PNG file
     * @return the result with the image's path
     */
    public Result render(Path target) {
        Result r = find();
        BufferedImage img = draw(r);
        OutputFiles.writeAtomically(target, p -> {
            if (!ImageIO.write(img, "png", p.toFile())) {
                throw new java.io.IOException("no PNG writer available");
            }
        });
        return new Result(r.seed, r.theta, r.primal, r.alternative, r.flipIndex, r.sample, r.weight, target);
    }

    /**
     * Renders into toy-shower-display-LABEL.png and writes the summary to .txt in a directory.
     *
     * @param directory where to write
     * @return the result with the image's path
     */
    public Result runAndWrite(Path directory) {
        String base = "toy-shower-display-" + shower.config().label();
        Result r = render(directory.resolve(base + ".png"));
        OutputFiles.writeString(directory.resolve(base + ".txt"), r.summary() + System.lineSeparator());
        return r;
    }

    private Result worlds(long s) {
        List<ShowerEvent> runs = new ArrayList<>();
        GradientEstimate g = Estimators.stochasticAd().sampleEstimate(shower.recording(runs::add),
                new double[] {theta}, s, 0);
        if (runs.size() < 2) {
            return null;
        }
        ShowerEvent primal = runs.get(0);
        ShowerEvent alt = runs.get(1);
        int i = 0;
        int n = Math.min(primal.hits().size(), alt.hits().size());
        while (i < n && primal.hits().get(i).equals(alt.hits().get(i))) {
            i++;
        }
        if (i == n) {
            return null;
        }
        double df = alt.loss() - primal.loss();
        double w = df == 0 ? Double.NaN : g.mean(0) / df;
        return new Result(s, theta, primal, alt, i, g.mean(0), w, null);
    }

    private BufferedImage draw(Result r) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (ShowerEvent e : List.of(r.primal(), r.alternative())) {
            for (ShowerEvent.Hit h : e.flaggedHits()) {
                minX = Math.min(minX, h.x());
                maxX = Math.max(maxX, h.x());
                minY = Math.min(minY, h.y());
                maxY = Math.max(maxY, h.y());
            }
        }
        double half = Math.max(0.5, 0.65 * Math.max(maxX - minX, maxY - minY));
        double[] view = {(minX + maxX) / 2, (minY + maxY) / 2, half};
        BufferedImage img = new BufferedImage(2 * PANEL, HEADER + PANEL + FOOTER, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        ShowerEvent.Hit flipped = r.flippedHit();
        ShowerEvent.Kind altKind = r.alternative().hits().get(r.flipIndex()).kind();
        panel(g, 0, view, r.primal(), flipped, String.format(Locale.ROOT,
                "primal world: ℓ = %.3f, D = %.3f, %d interactions", r.primal().loss(), r.primal().depth(),
                r.primal().interactions()));
        panel(g, PANEL, view, r.alternative(), flipped, String.format(Locale.ROOT,
                "alternative world: ℓ = %.3f, D = %.3f, %d interactions", r.alternative().loss(),
                r.alternative().depth(), r.alternative().interactions()));
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(String.format(Locale.ROOT, "Toy shower (%s configuration) at θ = %.2f, seed %d: one stochastic-AD"
                + " sample and its alternative world", shower.config().label(), theta, r.seed()), 14, 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(String.format(Locale.ROOT, "Replayed flip (green ring): particle %d, step %d, %s → %s at r = %.2f."
                + "  Every other draw keeps its random number.", flipped.lineage(), flipped.step(),
                name(flipped.kind()), name(altKind), flipped.radius()), 14, 50);
        int y = HEADER + PANEL + 22;
        g.drawString(String.format(Locale.ROOT, "Sample estimate  W·(ℓ_alt − ℓ) = %.3f · (%.3f − %.3f) = %.3f."
                + "   Shading: interaction probability p(x, y; θ) per step (white 0, dark 0.5);"
                + " dashed circles: r = θ and r = 2 (target depth).", r.weight(), r.alternative().loss(),
                r.primal().loss(), r.sample()), 14, y);
        g.drawString("Lines: tracks (darker = more energetic); red dots: interactions; black squares: track ends;"
                + " orange circle: the event's depth D.", 14, y + 20);
        g.dispose();
        return img;
    }

    private static String name(ShowerEvent.Kind k) {
        return k == ShowerEvent.Kind.INTERACTION ? "interaction" : k == ShowerEvent.Kind.PASS ? "no interaction" : "end";
    }

    private void panel(Graphics2D g, int x0, double[] view, ShowerEvent e, ShowerEvent.Hit flipped, String title) {
        double cx = view[0];
        double cy = view[1];
        double half = view[2];
        double scale = PANEL / (2 * half);
        int y0 = HEADER;
        java.awt.Shape clip = g.getClip();
        g.setClip(x0, y0, PANEL, PANEL);
        for (int py = 0; py < PANEL; py += 2) {
            for (int px = 0; px < PANEL; px += 2) {
                double x = cx - half + (px + 1) / scale;
                double y = cy + half - (py + 1) / scale;
                double p = MaterialMap.probability(x, y, theta);
                int level = (int) Math.round(255 - 110 * (p / 0.5));
                g.setColor(new Color(level, level, Math.min(255, level + 25)));
                g.fillRect(x0 + px, y0 + py, 2, 2);
            }
        }
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f));
        circle(g, x0, y0, scale, view, theta, new Color(60, 60, 60));
        circle(g, x0, y0, scale, view, 2.0, new Color(0, 90, 200));
        g.setStroke(new BasicStroke(2f));
        circle(g, x0, y0, scale, view, e.depth(), new Color(255, 140, 0));
        double e0 = e.segments().stream().mapToDouble(ShowerEvent.Segment::energy).max().orElse(1);
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (ShowerEvent.Segment s : e.segments()) {
            double f = Math.log1p(s.energy()) / Math.log1p(e0);
            int c = (int) Math.round(200 - 200 * Math.max(0, Math.min(1, f)));
            g.setColor(new Color(c, c, c));
            g.draw(new Line2D.Double(sx(x0, scale, view, s.x0()), sy(y0, scale, view, s.y0()),
                    sx(x0, scale, view, s.x1()), sy(y0, scale, view, s.y1())));
        }
        for (ShowerEvent.Hit h : e.hits()) {
            double hx = sx(x0, scale, view, h.x());
            double hy = sy(y0, scale, view, h.y());
            if (h.kind() == ShowerEvent.Kind.INTERACTION) {
                g.setColor(new Color(220, 20, 20));
                g.fill(new Ellipse2D.Double(hx - 4, hy - 4, 8, 8));
            } else if (h.kind() == ShowerEvent.Kind.END) {
                g.setColor(Color.BLACK);
                g.fillRect((int) Math.round(hx - 2.5), (int) Math.round(hy - 2.5), 5, 5);
            }
        }
        g.setColor(new Color(0, 170, 60));
        g.setStroke(new BasicStroke(3f));
        double fx = sx(x0, scale, view, flipped.x());
        double fy = sy(y0, scale, view, flipped.y());
        g.draw(new Ellipse2D.Double(fx - 12, fy - 12, 24, 24));
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRect(x0 + 4, y0 + 4, PANEL - 8, 26);
        g.fillRect(x0 + 4, y0 + PANEL - 28, 330, 24);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, x0 + 10, y0 + 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(String.format(Locale.ROOT, "x ∈ [%.2f, %.2f], y ∈ [%.2f, %.2f] (source at the origin)", cx - half,
                cx + half, cy - half, cy + half), x0 + 10, y0 + PANEL - 10);
        g.setClip(clip);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0, y0, PANEL - 1, PANEL - 1);
    }

    private static void circle(Graphics2D g, int x0, int y0, double scale, double[] view, double radius, Color c) {
        g.setColor(c);
        g.draw(new Ellipse2D.Double(sx(x0, scale, view, -radius), sy(y0, scale, view, radius), 2 * radius * scale,
                2 * radius * scale));
    }

    private static double sx(int x0, double scale, double[] view, double x) {
        return x0 + (x - view[0] + view[2]) * scale;
    }

    private static double sy(int y0, double scale, double[] view, double y) {
        return y0 + (view[1] + view[2] - y) * scale;
    }
}
