package cn.yilianti.system.truth;

import cn.yilianti.system.traffic.Cell;
import cn.yilianti.system.traffic.Http;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The counts as indicator-service's public API shows them: per hospital, referrals sent up and down
 * by stage, since counting began (the API has no per-day breakdown, so the cells' day is {@link
 * LocalDate#EPOCH}).
 */
public final class IndicatorReadout {

  private final String indicatorUrl;
  private final Supplier<String> token;
  private final Http http = new Http(Duration.ofSeconds(10));

  public IndicatorReadout(String indicatorUrl, Supplier<String> token) {
    this.indicatorUrl = indicatorUrl;
    this.token = token;
  }

  public Map<Cell, Long> totals(Collection<String> hospitals) {
    Map<Cell, Long> cells = new TreeMap<>();
    for (String hospital : hospitals) {
      Http.Answer answer =
          http.get(indicatorUrl + "/api/v1/indicators/hospitals/" + hospital, token.get());
      if (answer.outcome() != Http.Outcome.DONE) {
        throw new IllegalStateException("indicator API for " + hospital + ": " + answer);
      }
      JsonNode json = answer.json();
      read(json.path("upward"), hospital, "UP", cells);
      read(json.path("downward"), hospital, "DOWN", cells);
    }
    return cells;
  }

  private static void read(
      JsonNode stages, String hospital, String direction, Map<Cell, Long> cells) {
    for (Map.Entry<String, JsonNode> stage : stages.properties()) {
      long count = stage.getValue().asLong(0);
      if (count != 0) {
        cells.put(new Cell(hospital, direction, stage.getKey(), LocalDate.EPOCH), count);
      }
    }
  }
}
