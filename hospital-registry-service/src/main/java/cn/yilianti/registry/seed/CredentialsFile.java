package cn.yilianti.registry.seed;

import cn.yilianti.registry.identity.DemoCredential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo credentials: printed in the log and, when {@code registry.seed.credentials-file} is set,
 * written there as JSON readable by its owner only. The previous file is read back so credentials
 * that still work are kept across restarts.
 */
@Component
class CredentialsFile {

  private static final Logger log = LoggerFactory.getLogger(CredentialsFile.class);
  private static final TypeReference<List<DemoCredential>> LIST = new TypeReference<>() {};

  private final SeedProperties properties;
  private final JsonMapper json;

  CredentialsFile(SeedProperties properties, JsonMapper json) {
    this.properties = properties;
    this.json = json;
  }

  List<DemoCredential> read() {
    Path file = path();
    if (file == null || !Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      JsonNode root = json.readTree(file.toFile());
      return json.treeToValue(root.path("credentials"), LIST);
    } catch (RuntimeException e) {
      log.warn("Ignoring unreadable demo credentials file {}: {}", file, e.getMessage());
      return List.of();
    }
  }

  void write(List<DemoCredential> credentials) {
    StringBuilder table = new StringBuilder("Demo credentials (local run only):");
    for (DemoCredential c : credentials) {
      table
          .append(System.lineSeparator())
          .append(
              "  %-16s %-10s %-20s client %-26s secret %s%s"
                  .formatted(
                      c.role(),
                      c.hospitalCode() == null ? "" : c.hospitalCode(),
                      c.username() == null ? "" : c.username(),
                      c.clientId(),
                      c.clientSecret(),
                      c.password() == null ? "" : "  password " + c.password()));
    }
    log.info("{}", table);
    Path file = path();
    if (file == null) {
      return;
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put(
        "tokenEndpoint", credentials.isEmpty() ? null : credentials.getFirst().tokenEndpoint());
    document.put(
        "usage",
        "curl -u <clientId>:<clientSecret> -d grant_type=client_credentials <tokenEndpoint>");
    document.put("credentials", credentials);
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".demo-credentials", ".json");
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the file keeps the default permissions.
      }
      json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), document);
      Files.move(
          temp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      log.info("Demo credentials written to {}", file.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write demo credentials to " + file, e);
    }
  }

  private @Nullable Path path() {
    return properties.credentialsFile() == null ? null : Path.of(properties.credentialsFile());
  }
}
