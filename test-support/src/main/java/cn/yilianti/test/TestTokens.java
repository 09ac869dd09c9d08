package cn.yilianti.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Signed JWTs with the platform's claims, for services under test. Test contexts trust this JVM's
 * key and {@link #ISSUER} (see {@link RealInfrastructure#trustTestTokens()}); the registry issues
 * the real ones.
 */
public final class TestTokens {

  public static final String ISSUER = "https://issuer.test.invalid";
  private static final RSAKey KEY = generate();

  public static String his(String hospital, String... alliances) {
    return token("his-" + hospital, hospital, null, List.of("HIS_CLIENT"), List.of(alliances));
  }

  public static String coordinator(
      String hospital, @Nullable String department, String... alliances) {
    return token(
        "coordinator-" + hospital + (department == null ? "" : "-" + department),
        hospital,
        department,
        List.of("COORDINATOR"),
        List.of(alliances));
  }

  public static String manager(String... alliances) {
    return token(
        "manager-" + String.join("-", alliances),
        null,
        null,
        List.of("ALLIANCE_MANAGER"),
        List.of(alliances));
  }

  public static String ops() {
    return token("ops", null, null, List.of("OPS"), List.of());
  }

  public static String token(
      String subject,
      @Nullable String hospital,
      @Nullable String department,
      List<String> roles,
      List<String> alliances) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(subject)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(30))))
            .claim("roles", roles)
            .claim("alliances", alliances);
    if (hospital != null) {
      claims.claim("hospital", hospital);
    }
    if (department != null) {
      claims.claim("department", department);
    }
    return sign(claims.build());
  }

  /** A token with arbitrary claims (expired, wrong issuer...) for negative tests. */
  public static String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(KEY));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Headers for {@link ApiClient#withHeader}: {@code Authorization: Bearer <token>}. */
  public static String bearer(String token) {
    return "Bearer " + token;
  }

  /** A decoder that trusts this JVM's key and checks the issuer, as a service's would. */
  public static JwtDecoder jwtDecoder() {
    try {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
      decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
      return decoder;
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private TestTokens() {}
}
