package cn.yilianti.registry.importing;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One row as read from the file, before any type is checked: {@code cells} by column name (a column
 * missing from the file is absent, an empty cell is ""), and structured JSON values (coordinators,
 * endpoints, memberships) of JSON files.
 */
record RawRow(int line, Map<String, String> cells, Map<String, JsonNode> structured) {

  boolean has(String column) {
    return cells.containsKey(column) || structured.containsKey(column);
  }
}
