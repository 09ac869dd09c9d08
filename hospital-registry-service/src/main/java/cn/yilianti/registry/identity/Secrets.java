package cn.yilianti.registry.identity;

import java.security.SecureRandom;
import java.util.Base64;

/** New client secrets and passwords: 256 random bits, URL-safe. */
final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String suffix() {
    return Integer.toHexString(RANDOM.nextInt(0x10000, 0x100000));
  }

  private Secrets() {}
}
