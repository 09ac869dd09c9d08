package cn.yilianti.registry.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * RSA keys kept in the registry's database, so tokens stay valid across restarts and every replica
 * signs and publishes the same keys. The newest key signs; all keys not retired are on the JWK set.
 * The first start creates one.
 */
class SigningKeys {

  private final JdbcClient jdbc;

  SigningKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  JWKSource<SecurityContext> jwkSource() {
    List<RSAKey> keys = load();
    if (keys.isEmpty()) {
      create();
      keys = load();
    }
    return new ImmutableJWKSet<>(new JWKSet(List.copyOf(keys)));
  }

  private List<RSAKey> load() {
    return jdbc.sql(
            "select * from signing_key where retired_at is null order by created_at desc, kid")
        .query(
            (rs, n) ->
                rsaKey(
                    rs.getString("kid"), rs.getString("public_key"), rs.getString("private_key")))
        .list();
  }

  private void create() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      jdbc.sql(
              """
              insert into signing_key (kid, private_key, public_key, created_at)
              values (:kid, :private, :public, :at) on conflict do nothing
              """)
          .param("kid", UUID.randomUUID().toString())
          .param("private", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
          .param("public", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
          .param("at", Timestamp.from(Instant.now()))
          .update();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot create a signing key", e);
    }
  }

  private static RSAKey rsaKey(String kid, String publicKey, String privateKey) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPublicKey pub =
          (RSAPublicKey)
              rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
      RSAPrivateKey priv =
          (RSAPrivateKey)
              rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
      return new RSAKey.Builder(pub).privateKey(priv).keyID(kid).build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Unreadable signing key " + kid, e);
    }
  }
}
