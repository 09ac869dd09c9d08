package cn.yilianti.registry.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A client secret shown once, when it is made; only its hash is kept. {@code previousValidUntil}
 * says until when the secret it replaced still works (null: there was none, or it stopped at once).
 */
public record IssuedSecret(
    String clientId,
    String clientSecret,
    String tokenEndpoint,
    @Nullable String hospitalCode,
    @Nullable String username,
    @Nullable Instant previousValidUntil) {}
