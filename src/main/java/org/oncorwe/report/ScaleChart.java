package org.oncorwe.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.oncorwe.stats.bench.ScaleResults;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/** Time against registry patients, log-log, one line per measured phase (docs/benchmarks.md). */
public final class ScaleChart implements Figure {

    private final ScaleResults results;
    private final String title;

    public ScaleChart(ScaleResults results, String title) {
        this.results = results;
        this.title = title;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String phase : ScaleResults.PHASES) {
            XYSeries series = new XYSeries(phase);
            for (long n : results.sizes()) {
                results.get(n, phase).ifPresent(m -> series.add(n, Math.max(m.seconds(), 0.1)));
            }
            if (!series.isEmpty()) {
                data.addSeries(series);
            }
        }
        LogAxis x = new LogAxis("registry patients");
        x.setBase(10);
        x.setSmallestValue(1);
        LogAxis y = new LogAxis("seconds");
        y.setBase(10);
        y.setSmallestValue(0.1);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String phase = (String) data.getSeriesKey(i);
            boolean main = phase.equals("run") || phase.equals("floor");
            renderer.setSeriesPaint(i, main ? Palette.curve(phase.equals("run") ? 0 : 1) : Color.GRAY);
            renderer.setSeriesStroke(i, new BasicStroke(main ? 2.5f : 1f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.draw(g, area);
    }
}
