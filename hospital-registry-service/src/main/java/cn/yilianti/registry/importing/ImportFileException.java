package cn.yilianti.registry.importing;

/** The file as a whole cannot be read (not CSV, no header, not a JSON array...). */
class ImportFileException extends RuntimeException {

  private final RowError error;

  ImportFileException(int line, String field, String rule, String message) {
    super(message, null, false, false);
    this.error = new RowError(line, null, field, rule, message);
  }

  RowError error() {
    return error;
  }
}
