package cn.yilianti.referral.idempotency;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keys in PostgreSQL, per client. A claim commits on its own, before the request runs, so a
 * concurrent duplicate sees it at once; the answer is stored in the request's own transaction
 * ({@link #complete}), and only while the request still holds the claim, so an effect and its
 * stored answer commit together or not at all.
 */
@Repository
class IdempotencyStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final IdempotencyProperties properties;

  IdempotencyStore(JdbcClient jdbc, IdempotencyProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  Claim claim(String client, String key, byte[] requestHash) {
    for (int attempt = 0; attempt < 3; attempt++) {
      UUID owner = UUID.randomUUID();
      int inserted =
          jdbc.sql(
                  """
                  insert into idempotency_key (client, idempotency_key, request_hash, claim)
                  values (:client, :key, :hash, :claim) on conflict do nothing
                  """)
              .param("client", client)
              .param("key", key)
              .param("hash", requestHash)
              .param("claim", owner)
              .update();
      if (inserted == 1) {
        return Claim.taken(owner);
      }
      Optional<Claim> existing = existing(client, key, requestHash);
      if (existing.isPresent()
          && existing.get().outcome() == Claim.Outcome.IN_FLIGHT
          && takeOverAbandoned(client, key, owner)) {
        return Claim.taken(owner);
      }
      if (existing.isPresent()) {
        return existing.get();
      }
      // Released by a failed first request between our insert and select: try again.
    }
    return Claim.of(Claim.Outcome.IN_FLIGHT);
  }

  /**
   * Takes over a claim nobody answered within the in-flight timeout (its replica stopped before
   * committing: nothing of it was written); its first holder can no longer store an answer.
   */
  private boolean takeOverAbandoned(String client, String key, UUID owner) {
    return jdbc.sql(
                """
                update idempotency_key set created_at = now(), claim = :claim
                 where client = :client and idempotency_key = :key and status is null
                   and created_at < now() - make_interval(secs => :timeout)
                """)
            .param("client", client)
            .param("key", key)
            .param("claim", owner)
            .param("timeout", properties.inFlightTimeout().toSeconds())
            .update()
        == 1;
  }

  /**
   * Stores the answer, in the caller's transaction when there is one; false when the request no
   * longer holds the claim (taken over after the in-flight timeout), and nothing was stored.
   */
  boolean complete(String client, String key, UUID owner, StoredResponse response) {
    return jdbc.sql(
                """
                update idempotency_key
                   set status = :status, headers = cast(:headers as jsonb), body = :body,
                       completed_at = now()
                 where client = :client and idempotency_key = :key and claim = :claim
                   and status is null
                """)
            .param("client", client)
            .param("key", key)
            .param("claim", owner)
            .param("status", response.status())
            .param("headers", JSON.writeValueAsString(response.headers()))
            .param("body", response.body())
            .update()
        == 1;
  }

  /** Forgets a claim whose request failed on our side (5xx), so the client can retry it. */
  void release(String client, String key, UUID owner) {
    jdbc.sql(
            """
            delete from idempotency_key
             where client = :client and idempotency_key = :key and claim = :claim
               and status is null
            """)
        .param("client", client)
        .param("key", key)
        .param("claim", owner)
        .update();
  }

  int deleteOlderThan(java.time.Duration retention) {
    return jdbc.sql(
            "delete from idempotency_key where created_at < now() - make_interval(secs => :s)")
        .param("s", retention.toSeconds())
        .update();
  }

  private Optional<Claim> existing(String client, String key, byte[] requestHash) {
    return jdbc.sql(
            """
            select request_hash, status, headers, body from idempotency_key
             where client = :client and idempotency_key = :key
            """)
        .param("client", client)
        .param("key", key)
        .query(
            (rs, n) -> {
              if (!Arrays.equals(rs.getBytes("request_hash"), requestHash)) {
                return Claim.of(Claim.Outcome.MISMATCH);
              }
              if (rs.getObject("status") == null) {
                return Claim.of(Claim.Outcome.IN_FLIGHT);
              }
              byte[] body = rs.getBytes("body");
              return new Claim(
                  Claim.Outcome.DONE,
                  new StoredResponse(
                      rs.getInt("status"),
                      JSON.readValue(rs.getString("headers"), HEADERS),
                      body == null ? new byte[0] : body),
                  null);
            })
        .optional();
  }
}
