package org.oncorwe.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationStepRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * A Kaplan–Meier figure with JFreeChart: step curves from (0, 1) with their confidence band,
 * censor ticks where a time has censorings, and the number-at-risk table under the x axis in a
 * second plot sharing it (decision 202).
 */
public final class KmChart {

    private KmChart() {
    }

    public static JFreeChart of(KmFigure f) {
        List<Double> ticks = f.ticks();
        double xMax = ticks.get(ticks.size() - 1);
        NumberAxis months = new NumberAxis("Months");
        months.setRange(-0.04 * xMax, 1.04 * xMax); // room for the at-risk numbers at 0 and at the last tick
        months.setTickUnit(new NumberTickUnit(f.tickStep()));
        months.setLabelFont(Palette.LABEL);

        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(months);
        combined.setGap(4);
        combined.add(curves(f), 4);
        combined.add(atRisk(f, ticks), Math.max(1, (f.curves().size() + 1) / 2));

        JFreeChart chart = new JFreeChart(f.title(), Palette.TITLE, combined, f.curves().size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (f.subtitle() != null) {
            chart.addSubtitle(new TextTitle(f.subtitle(), Palette.LABEL));
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setPosition(RectangleEdge.TOP);
            chart.getLegend().setItemFont(Palette.LABEL);
        }
        return chart;
    }

    /** The chart as a {@link Figure}. */
    public static Figure figure(KmFigure f) {
        JFreeChart chart = of(f);
        return (g, area) -> chart.draw(g, area);
    }

    private static XYPlot curves(KmFigure f) {
        YIntervalSeriesCollection steps = new YIntervalSeriesCollection();
        XYSeriesCollection censored = new XYSeriesCollection();
        for (KmCurve c : f.curves()) {
            YIntervalSeries s = new YIntervalSeries(c.label() + " (n = " + c.subjects() + ")", false, true);
            s.add(0, 1, 1, 1);
            XYSeries marks = new XYSeries(c.label() + " censored", false, true);
            for (CurvePoint p : c.points()) {
                double lower = p.lower() == null ? p.surv() : p.lower();
                double upper = p.upper() == null ? p.surv() : p.upper();
                s.add(p.time(), p.surv(), lower, upper);
                if (p.nCensor() > 0) {
                    marks.add(p.time(), p.surv());
                }
            }
            steps.addSeries(s);
            censored.addSeries(marks);
        }
        NumberAxis survival = new NumberAxis(f.endpointLabel());
        survival.setRange(0, 1.05);
        survival.setTickUnit(new NumberTickUnit(0.2));
        survival.setLabelFont(Palette.LABEL);
        DeviationStepRenderer band = new DeviationStepRenderer();
        band.setDefaultShapesVisible(false);
        band.setAlpha(0.15f);
        XYLineAndShapeRenderer ticks = new XYLineAndShapeRenderer(false, true);
        ticks.setDefaultSeriesVisibleInLegend(false);
        for (int i = 0; i < f.curves().size(); i++) {
            band.setSeriesPaint(i, Palette.curve(i));
            band.setSeriesFillPaint(i, Palette.curve(i));
            band.setSeriesStroke(i, new BasicStroke(1.8f));
            ticks.setSeriesPaint(i, Palette.curve(i));
            ticks.setSeriesShape(i, new Rectangle2D.Double(-0.8, -4.5, 1.6, 9));
            ticks.setSeriesVisibleInLegend(i, false);
        }
        XYPlot plot = new XYPlot(steps, null, survival, band);
        plot.setDataset(1, censored);
        plot.setRenderer(1, ticks);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        return plot;
    }

    private static XYPlot atRisk(KmFigure f, List<Double> ticks) {
        int n = f.curves().size();
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = f.curves().get(i).label();
        }
        SymbolAxis rows = new SymbolAxis("At risk", labels);
        rows.setRange(-0.6, n - 0.4);
        rows.setInverted(true);
        rows.setGridBandsVisible(false);
        rows.setTickLabelFont(Palette.SMALL);
        rows.setLabelFont(Palette.SMALL);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), null, rows, new XYLineAndShapeRenderer(false, false));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        for (int i = 0; i < n; i++) {
            List<Long> numbers = AtRisk.at(f.curves().get(i).points(), ticks);
            for (int k = 0; k < ticks.size(); k++) {
                XYTextAnnotation a = new XYTextAnnotation(Long.toString(numbers.get(k)), ticks.get(k), i);
                a.setFont(Palette.SMALL);
                a.setPaint(Palette.curve(i));
                a.setTextAnchor(TextAnchor.CENTER);
                plot.addAnnotation(a);
            }
        }
        return plot;
    }
}
