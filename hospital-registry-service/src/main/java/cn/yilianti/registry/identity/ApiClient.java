package cn.yilianti.registry.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A registered client as the registry shows it (never its secret): an HIS speaking for one
 * hospital, or a user's personal client for scripts.
 */
public record ApiClient(
    String clientId,
    Kind kind,
    @Nullable String hospitalCode,
    @Nullable String username,
    Instant createdAt,
    String createdBy,
    @Nullable Instant revokedAt,
    @Nullable String revokedBy,
    int activeSecrets) {

  public enum Kind {
    HIS,
    PERSONAL
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
