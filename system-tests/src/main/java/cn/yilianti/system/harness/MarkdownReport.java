package cn.yilianti.system.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A Markdown report written section by section next to its PNG plots. */
public final class MarkdownReport {

  private final Path directory;
  private final StringBuilder text = new StringBuilder();

  public MarkdownReport(Path directory, String title) throws IOException {
    this.directory = Files.createDirectories(directory);
    text.append("# ").append(title).append("\n\n");
  }

  public Path directory() {
    return directory;
  }

  public MarkdownReport heading(String heading) {
    text.append("## ").append(heading).append("\n\n");
    return this;
  }

  public MarkdownReport paragraph(String paragraph) {
    text.append(paragraph).append("\n\n");
    return this;
  }

  public MarkdownReport table(List<String> header, List<List<String>> rows) {
    text.append("| ").append(String.join(" | ", header)).append(" |\n");
    text.append("|").append(" --- |".repeat(header.size())).append("\n");
    for (List<String> row : rows) {
      text.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    text.append("\n");
    return this;
  }

  /** Links a PNG that sits in the report's directory. */
  public MarkdownReport image(String alt, Path png) {
    text.append("![").append(alt).append("](").append(directory.relativize(png)).append(")\n\n");
    return this;
  }

  public Path write(String fileName) throws IOException {
    Path file = directory.resolve(fileName);
    Files.writeString(file, text);
    return file;
  }
}
