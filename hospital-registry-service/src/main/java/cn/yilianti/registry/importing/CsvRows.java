package cn.yilianti.registry.importing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 4180 CSV with a header row: quoted fields may hold commas, quotes ("") and line breaks; each
 * row keeps the line it starts on so errors point into the file. Blank lines are skipped.
 */
final class CsvRows {

  static List<RawRow> read(String text, Set<String> known, Set<String> required) {
    List<List<String>> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    parse(text, records, lines);
    if (records.isEmpty()) {
      throw new ImportFileException(
          1, "header", "required", "the file is empty: a header row is required");
    }
    List<String> header = records.getFirst().stream().map(String::trim).toList();
    Set<String> seen = new HashSet<>();
    for (String column : header) {
      if (!known.contains(column)) {
        throw new ImportFileException(
            lines.getFirst(),
            column,
            "unknown-column",
            "unknown column '" + column + "'; known: " + known);
      }
      if (!seen.add(column)) {
        throw new ImportFileException(lines.getFirst(), column, "duplicate", "column listed twice");
      }
    }
    for (String column : required) {
      if (!seen.contains(column)) {
        throw new ImportFileException(
            lines.getFirst(),
            column,
            "required-column",
            "the header must have a " + column + " column");
      }
    }
    List<RawRow> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> record = records.get(i);
      if (record.size() == 1 && record.getFirst().isBlank()) {
        continue;
      }
      if (record.size() != header.size()) {
        rows.add(
            new RawRow(
                lines.get(i),
                Map.of(ImportColumns.ROW_SHAPE, record.size() + " of " + header.size()),
                Map.of()));
        continue;
      }
      Map<String, String> cells = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        cells.put(header.get(c), record.get(c).trim());
      }
      rows.add(new RawRow(lines.get(i), cells, Map.of()));
    }
    return rows;
  }

  private static void parse(String text, List<List<String>> records, List<Integer> lines) {
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean started = false;
    int line = 1;
    int recordLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          if (ch == '\n') {
            line++;
          }
          field.append(ch);
        }
        continue;
      }
      switch (ch) {
        case '"' -> {
          quoted = true;
          started = true;
        }
        case ',' -> {
          record.add(field.toString());
          field.setLength(0);
          started = true;
        }
        case '\r' -> {}
        case '\n' -> {
          record.add(field.toString());
          records.add(record);
          lines.add(recordLine);
          record = new ArrayList<>();
          field.setLength(0);
          started = false;
          line++;
          recordLine = line;
        }
        default -> {
          field.append(ch);
          started = true;
        }
      }
    }
    if (quoted) {
      throw new ImportFileException(recordLine, "file", "csv", "a quoted field is never closed");
    }
    if (started || !field.isEmpty()) {
      record.add(field.toString());
      records.add(record);
      lines.add(recordLine);
    }
  }

  private CsvRows() {}
}
