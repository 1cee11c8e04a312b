package org.oncorwe.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.List;

/** A forest plot of subgroup hazard ratios: one row per term, HR with its 95 % CI on a log axis, a line at 1. */
public final class ForestChart {

    private ForestChart() {
    }

    public static JFreeChart of(String title, List<ForestRow> rows) {
        String[] labels = rows.stream().map(r -> r.estimable() ? r.label() : r.label() + " (not estimable)")
                .toArray(String[]::new);
        XYIntervalSeries s = new XYIntervalSeries("HR (95% CI)");
        double lo = 0.5;
        double hi = 2;
        for (int i = 0; i < rows.size(); i++) {
            ForestRow r = rows.get(i);
            if (r.estimable()) {
                s.add(r.hr(), r.lower(), r.upper(), i, i, i);
                lo = Math.min(lo, r.lower());
                hi = Math.max(hi, r.upper());
            }
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(s);
        LogAxis hr = new LogAxis("Hazard ratio (95% CI, log scale)");
        hr.setBase(10);
        hr.setRange(Math.max(lo / 1.3, 1e-3), Math.min(hi * 1.3, 1e3));
        hr.setLabelFont(Palette.LABEL);
        hr.setSmallestValue(1e-3);
        hr.setTickUnit(new NumberTickUnit(Math.log10(2))); // ticks at powers of 2: 0.25, 0.5, 1, 2, 4 (in log space)
        hr.setNumberFormatOverride(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        SymbolAxis terms = new SymbolAxis(null, labels.length == 0 ? new String[] {""} : labels);
        terms.setRange(-0.6, Math.max(labels.length, 1) - 0.4);
        terms.setInverted(true);
        terms.setGridBandsVisible(false);
        terms.setTickLabelFont(Palette.SMALL);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawYError(false);
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        renderer.setSeriesShape(0, new Rectangle2D.Double(-4, -4, 8, 8));
        renderer.setSeriesPaint(0, Palette.curve(0));
        renderer.setErrorPaint(Palette.curve(0));
        renderer.setErrorStroke(new BasicStroke(1.5f));
        XYPlot plot = new XYPlot(data, hr, terms, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinesVisible(false);
        plot.addDomainMarker(new ValueMarker(1.0, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f)));
        JFreeChart chart = new JFreeChart(title, Palette.TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    public static Figure figure(String title, List<ForestRow> rows) {
        JFreeChart chart = of(title, rows);
        return (g, area) -> chart.draw(g, area);
    }
}
