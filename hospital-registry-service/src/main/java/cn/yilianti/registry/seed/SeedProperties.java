package cn.yilianti.registry.seed;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code registry.seed.*}: whether to load the dataset at start, which one, and where to write the
 * demo credentials (JSON) besides the log.
 */
@ConfigurationProperties("registry.seed")
public record SeedProperties(
    boolean enabled, @Nullable String dataset, @Nullable String credentialsFile) {

  public SeedProperties {
    dataset = dataset == null || dataset.isBlank() ? "classpath:seed/alliances.json" : dataset;
    credentialsFile = credentialsFile == null || credentialsFile.isBlank() ? null : credentialsFile;
  }
}
