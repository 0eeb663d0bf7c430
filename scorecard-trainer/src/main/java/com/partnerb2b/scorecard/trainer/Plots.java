package com.partnerb2b.scorecard.trainer;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The model card's PNG plots (JFreeChart, headless). */
final class Plots {
    static final String ROC = "roc.png";
    static final String DISTRIBUTION = "score-distribution.png";
    static final String CALIBRATION = "calibration.png";

    private Plots() {
    }

    static void write(Path out, int[] scores, boolean[] bad, List<Calibration.Row> calibration) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeries roc = new XYSeries("scorecard (hold-out)", false);
        for (double[] p : Metrics.roc(scores, bad)) {
            roc.add(p[0], p[1]);
        }
        XYSeries diagonal = new XYSeries("random", false);
        diagonal.add(0, 0);
        diagonal.add(1, 1);
        XYSeriesCollection rocData = new XYSeriesCollection(roc);
        rocData.addSeries(diagonal);
        save(ChartFactory.createXYLineChart("ROC on the hold-out", "goods declined (false-positive rate)",
                "bads declined (true-positive rate)", rocData, PlotOrientation.VERTICAL, true, false, false),
                out.resolve(ROC));

        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int s : scores) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        int width = Math.max(1, (max - min) / 20 + 1);
        int bins = (max - min) / width + 1;
        double[] goods = new double[bins];
        double[] bads = new double[bins];
        int g = 0;
        int b = 0;
        for (int i = 0; i < scores.length; i++) {
            int k = (scores[i] - min) / width;
            if (bad[i]) {
                bads[k]++;
                b++;
            } else {
                goods[k]++;
                g++;
            }
        }
        XYSeries goodSeries = new XYSeries("goods");
        XYSeries badSeries = new XYSeries("bads");
        for (int k = 0; k < bins; k++) {
            double x = min + k * width + width / 2.0;
            goodSeries.add(x, goods[k] / Math.max(g, 1));
            badSeries.add(x, bads[k] / Math.max(b, 1));
        }
        XYSeriesCollection distribution = new XYSeriesCollection(goodSeries);
        distribution.addSeries(badSeries);
        save(ChartFactory.createXYLineChart("Score distribution on the hold-out (share per " + width + " points)",
                "score", "share of the class", distribution, PlotOrientation.VERTICAL, true, false, false),
                out.resolve(DISTRIBUTION));

        XYSeries observed = new XYSeries("observed bad rate", false);
        double top = 0;
        for (Calibration.Row row : calibration) {
            if (row.count() > 0) {
                observed.add(row.predictedPd(), row.observedBadRate());
                top = Math.max(top, Math.max(row.predictedPd(), row.observedBadRate()));
            }
        }
        XYSeries perfect = new XYSeries("perfect calibration", false);
        perfect.add(0, 0);
        perfect.add(top, top);
        XYSeriesCollection calibrationData = new XYSeriesCollection(observed);
        calibrationData.addSeries(perfect);
        JFreeChart calibrationChart = ChartFactory.createScatterPlot(
                "Calibration on the hold-out (per training score bucket)", "predicted PD (mean in bucket)",
                "observed bad rate", calibrationData, PlotOrientation.VERTICAL, true, false, false);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) calibrationChart.getXYPlot().getRenderer();
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesShapesVisible(1, false);
        save(calibrationChart, out.resolve(CALIBRATION));
    }

    private static void save(JFreeChart chart, Path file) throws IOException {
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
        chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 500);
    }
}
