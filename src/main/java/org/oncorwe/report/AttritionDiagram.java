package org.oncorwe.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * The cohort_attrition flow diagram (CONSORT style): one box per step with the patients
 * remaining, and beside it a box with those the step excluded, drawn with plain Java2D.
 */
public final class AttritionDiagram implements Figure {

    /** One cohort_attrition row. */
    public record Step(String step, long remaining, long excluded) {
    }

    private final String title;
    private final List<Step> steps;

    public AttritionDiagram(String title, List<Step> steps) {
        this.title = title;
        this.steps = List.copyOf(steps);
    }

    /** Height in pixels that fits the steps at a given width. */
    public static int height(int steps) {
        return 60 + steps * 56;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setPaint(Color.WHITE);
        g.fill(area);
        g.setPaint(Color.BLACK);
        g.setFont(Palette.TITLE);
        g.drawString(title, (float) area.getX() + 16, (float) area.getY() + 28);
        double boxW = area.getWidth() * 0.46;
        double sideW = area.getWidth() * 0.32;
        double x = area.getX() + 16;
        double sideX = x + boxW + 40;
        double y = area.getY() + 48;
        g.setStroke(new BasicStroke(1.2f));
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            box(g, x, y, boxW, 36, label(s.step()), "n = " + s.remaining(), new Color(0xea, 0xf1, 0xfb));
            if (s.excluded() > 0) {
                g.setPaint(Color.DARK_GRAY);
                g.draw(new Line2D.Double(x + boxW, y + 18, sideX, y + 18));
                box(g, sideX, y + 2, sideW, 32, "excluded", "n = " + s.excluded(), new Color(0xfb, 0xee, 0xea));
            }
            if (i + 1 < steps.size()) {
                g.setPaint(Color.DARK_GRAY);
                g.draw(new Line2D.Double(x + boxW / 2, y + 36, x + boxW / 2, y + 56));
            }
            y += 56;
        }
    }

    private static void box(Graphics2D g, double x, double y, double w, double h, String line1, String line2, Color fill) {
        Rectangle2D r = new Rectangle2D.Double(x, y, w, h);
        g.setPaint(fill);
        g.fill(r);
        g.setPaint(Color.DARK_GRAY);
        g.draw(r);
        g.setPaint(Color.BLACK);
        g.setFont(Palette.SMALL);
        FontMetrics m = g.getFontMetrics();
        g.drawString(line1, (float) (x + 8), (float) (y + 4 + m.getAscent()));
        g.drawString(line2, (float) (x + 8), (float) (y + 4 + m.getAscent() + m.getHeight()));
    }

    /** ALL_PATIENTS → "All patients", INDEX_LINE_IS_THP → "Index line is THP". */
    static String label(String step) {
        String s = step.toLowerCase(Locale.ROOT).replace('_', ' ');
        if (step.startsWith("INDEX_LINE_IS_")) {
            s = "index line is " + step.substring("INDEX_LINE_IS_".length()).replace('_', '-');
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
