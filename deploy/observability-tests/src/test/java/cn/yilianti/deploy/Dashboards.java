package cn.yilianti.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The dashboards in deploy/grafana/dashboards, their panels, queries and variables. */
final class Dashboards {

  static final String DIRECTORY = "deploy/grafana/dashboards";

  record Panel(String dashboard, JsonNode json) {

    String title() {
      return json.path("title").asString();
    }

    @Override
    public String toString() {
      return dashboard + " / " + title();
    }
  }

  record PanelQuery(Panel panel, String refId, String expr) {

    @Override
    public String toString() {
      return panel + " / " + refId;
    }
  }

  record Variable(String dashboard, JsonNode json) {

    String name() {
      return json.path("name").asString();
    }

    String query() {
      JsonNode query = json.path("query");
      return query.isObject() ? query.path("query").asString() : query.asString();
    }

    @Override
    public String toString() {
      return dashboard + " / $" + name();
    }
  }

  static List<Path> files() {
    return Repo.files(DIRECTORY, ".json");
  }

  static List<JsonNode> all() {
    return files().stream().map(Repo::json).toList();
  }

  /** Every panel, including those inside collapsed rows; rows themselves are left out. */
  static List<Panel> panels() {
    List<Panel> panels = new ArrayList<>();
    for (JsonNode dashboard : all()) {
      String title = dashboard.path("title").asString();
      for (JsonNode panel : dashboard.path("panels")) {
        if ("row".equals(panel.path("type").asString())) {
          panel.path("panels").forEach(nested -> panels.add(new Panel(title, nested)));
        } else {
          panels.add(new Panel(title, panel));
        }
      }
    }
    return panels;
  }

  static List<PanelQuery> queries() {
    List<PanelQuery> queries = new ArrayList<>();
    for (Panel panel : panels()) {
      for (JsonNode target : panel.json().path("targets")) {
        queries.add(
            new PanelQuery(panel, target.path("refId").asString(), target.path("expr").asString()));
      }
    }
    return queries;
  }

  static List<Variable> variables() {
    List<Variable> variables = new ArrayList<>();
    for (JsonNode dashboard : all()) {
      for (JsonNode variable : dashboard.path("templating").path("list")) {
        variables.add(new Variable(dashboard.path("title").asString(), variable));
      }
    }
    return variables;
  }

  private Dashboards() {}
}
