package cn.yilianti.registry.importing;

import static cn.yilianti.registry.importing.ImportColumns.CODE;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads the cells of one row, collecting type errors: a missing column keeps the current value, an
 * empty cell means no value.
 */
final class RowCells {

  private final RawRow row;
  private final List<RowError> errors = new ArrayList<>();

  RowCells(RawRow row) {
    this.row = row;
  }

  List<RowError> errors() {
    return errors;
  }

  void error(String field, String rule, String message) {
    errors.add(new RowError(row.line(), row.cells().get(CODE), field, rule, message));
  }

  /** The cell's text; an empty cell is null; a missing column keeps {@code current}. */
  @Nullable String text(String column, @Nullable String current) {
    if (!row.cells().containsKey(column)) {
      return current;
    }
    String value = row.cells().get(column);
    return value.isEmpty() ? null : value;
  }

  <T> @Nullable T parse(
      String column,
      @Nullable T current,
      Function<String, T> parser,
      String rule,
      String expected) {
    if (!row.cells().containsKey(column)) {
      return current;
    }
    String value = row.cells().get(column);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      error(column, rule, "must be " + expected);
      return null;
    }
  }

  <T> List<T> list(
      String column, List<T> current, Function<String, T> parser, @Nullable String expected) {
    if (!row.cells().containsKey(column)) {
      return current;
    }
    List<T> values = new ArrayList<>();
    String[] parts = row.cells().get(column).split(";");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].trim();
      if (part.isEmpty()) {
        continue;
      }
      try {
        values.add(parser.apply(part));
      } catch (IllegalArgumentException e) {
        error(column + "[" + i + "]", "enum", "must be " + expected);
      }
    }
    return values;
  }
}
