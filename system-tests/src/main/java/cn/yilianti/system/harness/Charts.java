package cn.yilianti.system.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots for the report: values over time with the fault moments drawn as vertical lines. */
public final class Charts {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  public static void overTime(
      Timeline timeline, String title, String yAxis, List<Series> series, Path png)
      throws IOException {
    XYChart chart =
        new XYChartBuilder()
            .width(1100)
            .height(450)
            .title(title)
            .xAxisTitle("seconds")
            .yAxisTitle(yAxis)
            .build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
    chart.getStyler().setMarkerSize(0);
    List<Timeline.Second> seconds = timeline.seconds();
    if (seconds.isEmpty()) {
      return;
    }
    double max = 1;
    for (Series s : series) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (Timeline.Second second : seconds) {
        xs.add((double) second.second());
        double y = s.value().applyAsDouble(second);
        ys.add(y);
        max = Math.max(max, y);
      }
      chart.addSeries(s.name(), xs, ys).setMarker(SeriesMarkers.NONE);
    }
    for (Timeline.Mark mark : timeline.marks()) {
      chart
          .addSeries(
              mark.label() + " @" + Math.round(mark.atSecond()) + "s",
              new double[] {mark.atSecond(), mark.atSecond()},
              new double[] {0, max})
          .setMarker(SeriesMarkers.NONE);
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapFormat.PNG);
  }

  /** Distribution of a histogram (milliseconds) as counts per bucket. */
  public static void distribution(Histogram histogram, String title, Path png) throws IOException {
    XYChart chart =
        new XYChartBuilder()
            .width(1100)
            .height(450)
            .title(title)
            .xAxisTitle("milliseconds")
            .yAxisTitle("events")
            .build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Area);
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    long bucket = Math.max(1, histogram.getMaxValue() / 60);
    for (HistogramIterationValue v : histogram.linearBucketValues(bucket)) {
      xs.add((double) v.getValueIteratedTo());
      ys.add((double) v.getCountAddedInThisIterationStep());
    }
    if (xs.isEmpty()) {
      return;
    }
    chart.addSeries("events", xs, ys).setMarker(SeriesMarkers.NONE);
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapFormat.PNG);
  }

  /** One plotted line. */
  public record Series(String name, ToDoubleFunction<Timeline.Second> value) {}

  private Charts() {}
}
