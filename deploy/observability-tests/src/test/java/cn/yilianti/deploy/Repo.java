package cn.yilianti.deploy;

import cn.yilianti.test.PlatformProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Files of the checkout under test, and the JSON and YAML readers the tests share. */
final class Repo {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final YAMLMapper YAML = YAMLMapper.builder().build();

  static Path root() {
    return PlatformProcesses.repoRoot();
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(String relative) {
    return read(path(relative));
  }

  static JsonNode json(Path file) {
    return JSON.readTree(read(file));
  }

  static JsonNode yaml(Path file) {
    return YAML.readTree(read(file));
  }

  /** Every document of a multi-document YAML stream (kubectl kustomize, compose config). */
  static List<JsonNode> yamlDocuments(String text) {
    try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text)) {
      return documents.readAll().stream().filter(d -> d != null && !d.isNull()).toList();
    }
  }

  static List<Path> files(String directory, String suffix) {
    try (Stream<Path> files = Files.list(path(directory))) {
      return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Repo() {}
}
