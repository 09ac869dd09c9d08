package cn.yilianti.registry.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON array of hospitals (or {@code {"hospitals": [...]}}), each either flat with the CSV column
 * names or shaped like the API's hospital (region, capabilities and memberships as objects: what
 * {@code GET /api/v1/hospitals} returns). Each row keeps the line its object starts on.
 */
final class JsonRows {

  static List<RawRow> read(byte[] bytes, String alliance, JsonMapper json) {
    List<RawRow> rows = new ArrayList<>();
    ObjectReader elements =
        json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    try (JsonParser parser = json.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME
            && !"hospitals".equals(parser.currentName())) {
          parser.nextToken();
          parser.skipChildren();
        }
        first = parser.nextToken();
      }
      if (first != JsonToken.START_ARRAY) {
        throw new ImportFileException(
            1,
            "file",
            "json",
            "must be a JSON array of hospitals, or an object with a 'hospitals' array");
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        int line = (int) parser.currentTokenLocation().getLineNr();
        JsonNode node = elements.readValue(parser);
        rows.add(row(line, node, alliance));
      }
      if (parser.currentToken() != JsonToken.END_ARRAY) {
        throw new ImportFileException(
            (int) parser.currentTokenLocation().getLineNr(),
            "file",
            "json",
            "every element must be an object");
      }
    } catch (JacksonException e) {
      throw new ImportFileException(
          e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
          "file",
          "json",
          "not valid JSON: " + e.getOriginalMessage());
    }
    return rows;
  }

  private static RawRow row(int line, JsonNode node, String alliance) {
    Map<String, String> cells = new LinkedHashMap<>();
    Map<String, JsonNode> structured = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String name = property.getKey();
      JsonNode value = property.getValue();
      switch (name) {
        case "region", "capabilities" ->
            value.properties().forEach(p -> put(cells, p.getKey(), p.getValue()));
        case "memberships" -> membership(value, alliance, cells);
        case ImportColumns.COORDINATORS, ImportColumns.ENDPOINTS -> structured.put(name, value);
        default -> put(cells, name, value);
      }
    }
    return new RawRow(line, cells, structured);
  }

  /**
   * The imported alliance's membership becomes the membership columns; memberships of other
   * alliances are not the importer's to change and stay as they are.
   */
  private static void membership(JsonNode memberships, String alliance, Map<String, String> cells) {
    for (JsonNode m : memberships) {
      if (alliance.equals(m.path("allianceCode").asString(""))) {
        put(cells, ImportColumns.ROLE, m.path("role"));
        put(cells, ImportColumns.JOINED, m.path("joinedOn"));
        put(cells, ImportColumns.LEFT, m.path("leftOn"));
      }
    }
  }

  private static void put(Map<String, String> cells, String name, JsonNode value) {
    if (value.isMissingNode()) {
      return;
    }
    if (value.isNull()) {
      cells.put(name, "");
    } else if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(v -> items.add(v.isValueNode() ? v.asString() : v.toString()));
      cells.put(name, String.join(";", items));
    } else {
      cells.put(name, value.isValueNode() ? value.asString() : value.toString());
    }
  }

  private JsonRows() {}
}
