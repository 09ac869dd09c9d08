package cn.yilianti.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The alerting rules in deploy/prometheus/rules. */
final class AlertRules {

  static final String DIRECTORY = "deploy/prometheus/rules";

  record Rule(String group, JsonNode json) {

    String alert() {
      return json.path("alert").asString();
    }

    String expr() {
      return json.path("expr").asString();
    }

    String label(String name) {
      return json.path("labels").path(name).asString();
    }

    String annotation(String name) {
      return json.path("annotations").path(name).asString();
    }

    @Override
    public String toString() {
      return alert();
    }
  }

  static List<Path> files() {
    return Repo.files(DIRECTORY, ".yml");
  }

  static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    for (Path file : files()) {
      for (JsonNode group : Repo.yaml(file).path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          if (rule.has("alert")) {
            rules.add(new Rule(group.path("name").asString(), rule));
          }
        }
      }
    }
    return rules;
  }

  private AlertRules() {}
}
