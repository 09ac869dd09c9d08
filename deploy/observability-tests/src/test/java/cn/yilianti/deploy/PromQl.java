package cn.yilianti.deploy;

import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL for the proof: Grafana's variables replaced by what "All" means, and the
 * metric selectors an expression reads (so each metric can be checked on its own, even when an
 * {@code or} branch would hide that it has no data).
 */
final class PromQl {

  /** One metric selector, e.g. {@code up} or {@code outbox_published_total{topic="x"}}. */
  record Selector(String metric, String matchers) {

    String query() {
      return metric + matchers;
    }

    /** Whether this selector carries the given matcher, spaces aside. */
    boolean has(String matcher) {
      return squeeze(matchers).contains(squeeze(matcher));
    }

    private static String squeeze(String text) {
      return text.replaceAll("\\s+", "");
    }
  }

  /** Dashboard variables as the proof evaluates them: every alliance, hospital, service. */
  static final Map<String, String> VARIABLES = variables();

  private static final Set<String> GROUPING =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "atan2",
          "inf",
          "nan",
          // Aggregations, which may be followed by "by (...)" before their parenthesis.
          "sum",
          "min",
          "max",
          "avg",
          "group",
          "stddev",
          "stdvar",
          "count",
          "count_values",
          "bottomk",
          "topk",
          "quantile",
          "limitk",
          "limit_ratio");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^label_values\\((.+),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)$", Pattern.DOTALL);

  private static Map<String, String> variables() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("$__rate_interval", "5m");
    values.put("$__interval", "15s");
    values.put("$__range", "15m");
    values.put("$alliance", ".*");
    values.put("$hospital", ".*");
    values.put("$application", ".*");
    values.put("$instance", ".*");
    values.put("$year", Year.now(ZoneId.of("Asia/Shanghai")).toString());
    return values;
  }

  static String forEvaluation(String expr) {
    String result = expr;
    for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
      result = result.replace(variable.getKey(), variable.getValue());
    }
    return result;
  }

  /** {@code label_values(metric{...}, label)} as an instant query for the label's values. */
  static String labelValuesQuery(String variableQuery) {
    Matcher m = LABEL_VALUES.matcher(variableQuery.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Not a label_values(series, label) query: " + variableQuery);
    }
    return "group by (" + m.group(2) + ") (" + m.group(1) + ")";
  }

  static List<Selector> selectors(String expr) {
    List<Selector> selectors = new ArrayList<>();
    int i = 0;
    while (i < expr.length()) {
      char c = expr.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = afterString(expr, i);
      } else if (c == '[') {
        i = expr.indexOf(']', i) + 1;
      } else if (c == '#') {
        int end = expr.indexOf('\n', i);
        i = end < 0 ? expr.length() : end;
      } else if (Character.isDigit(c) || c == '.') {
        i = afterWord(expr, i);
      } else if (Character.isLetter(c) || c == '_' || c == ':') {
        int end = afterWord(expr, i);
        String word = expr.substring(i, end);
        int next = skipSpaces(expr, end);
        char following = next < expr.length() ? expr.charAt(next) : ' ';
        if (GROUPING.contains(word)) {
          i = following == '(' ? afterBalanced(expr, next, '(', ')') : end;
        } else if (KEYWORDS.contains(word) || following == '(') {
          i = end;
        } else if (following == '{') {
          int close = afterBalanced(expr, next, '{', '}');
          selectors.add(new Selector(word, expr.substring(next, close)));
          i = close;
        } else {
          selectors.add(new Selector(word, ""));
          i = end;
        }
      } else {
        i++;
      }
    }
    return selectors;
  }

  private static int afterWord(String s, int i) {
    int j = i;
    while (j < s.length()
        && (Character.isLetterOrDigit(s.charAt(j)) || "_:.".indexOf(s.charAt(j)) >= 0)) {
      j++;
    }
    return j;
  }

  private static int skipSpaces(String s, int i) {
    int j = i;
    while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
      j++;
    }
    return j;
  }

  private static int afterString(String s, int open) {
    char quote = s.charAt(open);
    int j = open + 1;
    while (j < s.length() && s.charAt(j) != quote) {
      j += s.charAt(j) == '\\' && quote != '`' ? 2 : 1;
    }
    return j + 1;
  }

  private static int afterBalanced(String s, int open, char opening, char closing) {
    int depth = 0;
    int j = open;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '"' || c == '\'' || c == '`') {
        j = afterString(s, j);
        continue;
      }
      if (c == opening) {
        depth++;
      } else if (c == closing && --depth == 0) {
        return j + 1;
      }
      j++;
    }
    throw new IllegalArgumentException("Unbalanced " + opening + " in: " + s);
  }

  private PromQl() {}
}
