package cn.yilianti.referral.protection;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Encryption keys for patient identity ({@code referral.protection.*}).
 *
 * @param key the current AES-256 key, base64 (32 bytes)
 * @param keyId the id stored beside every ciphertext sealed with {@code key}
 * @param previousKeys older keys by id, still used to open what they sealed (key rotation)
 */
@ConfigurationProperties("referral.protection")
record ProtectionProperties(String key, String keyId, Map<String, String> previousKeys) {

  ProtectionProperties {
    previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
  }
}
