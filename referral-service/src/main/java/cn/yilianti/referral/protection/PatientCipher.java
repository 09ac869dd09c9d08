package cn.yilianti.referral.protection;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals patient identities with AES-256-GCM: a fresh 12-byte nonce per value, the key id as
 * associated data (a ciphertext cannot be passed off as sealed by another key).
 */
@Component
public class PatientCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SecureRandom random = new SecureRandom();
  private final String currentKeyId;
  private final Map<String, SecretKey> keys = new HashMap<>();

  PatientCipher(ProtectionProperties properties) {
    this.currentKeyId = properties.keyId();
    keys.put(currentKeyId, aesKey(properties.key()));
    properties.previousKeys().forEach((id, key) -> keys.put(id, aesKey(key)));
  }

  public @Nullable SealedIdentity seal(@Nullable PatientIdentity identity) {
    if (identity == null) {
      return null;
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed =
        crypt(Cipher.ENCRYPT_MODE, currentKeyId, nonce, JSON.writeValueAsBytes(identity), 0);
    byte[] out = new byte[NONCE_BYTES + sealed.length];
    System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
    System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
    return new SealedIdentity(currentKeyId, out);
  }

  public @Nullable PatientIdentity open(@Nullable SealedIdentity sealed) {
    if (sealed == null) {
      return null;
    }
    byte[] nonce = java.util.Arrays.copyOf(sealed.ciphertext(), NONCE_BYTES);
    byte[] plain =
        crypt(Cipher.DECRYPT_MODE, sealed.keyId(), nonce, sealed.ciphertext(), NONCE_BYTES);
    return JSON.readValue(plain, PatientIdentity.class);
  }

  private byte[] crypt(int mode, String keyId, byte[] nonce, byte[] input, int offset) {
    SecretKey key = keys.get(keyId);
    if (key == null) {
      throw new IllegalStateException("No patient-identity key with id " + keyId);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(keyId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return cipher.doFinal(input, offset, input.length - offset);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Patient identity could not be processed with key " + keyId, e);
    }
  }

  private static SecretKey aesKey(String base64) {
    byte[] bytes = Base64.getDecoder().decode(base64);
    if (bytes.length != 32) {
      throw new IllegalArgumentException(
          "referral.protection keys must be 32 bytes (AES-256), base64");
    }
    return new SecretKeySpec(bytes, "AES");
  }
}
