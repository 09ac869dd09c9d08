package cn.yilianti.registry.seed;

import cn.yilianti.registry.identity.DemoCredential;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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
  private static final String USAGE =
      "curl -u <clientId>:<clientSecret> -d grant_type=client_credentials <tokenEndpoint>";

  private final SeedProperties properties;
  private final JsonMapper json;

  CredentialsFile(SeedProperties properties, JsonMapper json) {
    this.properties = properties;
    this.json =
        json.rebuild()
            .changeDefaultPropertyInclusion(
                incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
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
    // One credential per line, so a console (deploy/local/run) can print them as they are.
    StringBuilder document =
        new StringBuilder("{\n")
            .append("  \"tokenEndpoint\": ")
            .append(
                json.writeValueAsString(
                    credentials.isEmpty() ? null : credentials.getFirst().tokenEndpoint()))
            .append(",\n  \"usage\": ")
            .append(json.writeValueAsString(USAGE))
            .append(",\n  \"credentials\": [\n");
    for (int i = 0; i < credentials.size(); i++) {
      document
          .append("    ")
          .append(json.writeValueAsString(credentials.get(i)))
          .append(i < credentials.size() - 1 ? ",\n" : "\n");
    }
    document.append("  ]\n}\n");
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".demo-credentials", ".json");
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the file keeps the default permissions.
      }
      Files.writeString(temp, document);
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
