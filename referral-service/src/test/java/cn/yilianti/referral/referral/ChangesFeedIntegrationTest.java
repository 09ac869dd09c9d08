package cn.yilianti.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.yilianti.referral.TestRegistry;
import cn.yilianti.test.ApiClient;
import cn.yilianti.test.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The changes feed: every status change in order, only what the caller may see, and a change that
 * commits late is delivered after the cursor instead of being skipped.
 */
class ChangesFeedIntegrationTest extends ReferralIntegrationTest {

  @Autowired DataSource dataSource;

  @Test
  void aReferralsChangesArriveInOrderForBothEnds() {
    String start = head(as(TestTokens.ops()));
    String id = upward();
    coordinator(TestRegistry.CORE)
        .post("/api/v1/referrals/" + id + "/accept", Map.of("department", "CARDIOLOGY"));
    coordinator(TestRegistry.CORE).post("/api/v1/referrals/" + id + "/arrive", Map.of());

    for (ApiClient side : List.of(his(TestRegistry.COUNTY), coordinator(TestRegistry.CORE))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(stagesOf(side, start, id))
                      .containsExactly("SUBMITTED", "ACCEPTED", "ARRIVED"));
    }
    assertThat(stagesOf(his(TestRegistry.OTHER_COUNTY), start, id)).isEmpty();
  }

  @Test
  void aChangeCommittedLateIsNotSkipped() throws Exception {
    String early = upward();
    String late = upward();
    ApiClient ops = as(TestTokens.ops());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(stagesOf(ops, "", late)).containsExactly("SUBMITTED"));
    String cursor = head(ops);

    try (Connection slow = dataSource.getConnection()) {
      slow.setAutoCommit(false);
      try (PreparedStatement insert =
          slow.prepareStatement(
              """
              insert into referral_transition (referral_id, actor, at, from_status, to_status, version)
              values (cast(? as uuid), 'slow-writer', now(), 'SUBMITTED', 'SUBMITTED', 0)
              """)) {
        insert.setString(1, early);
        insert.executeUpdate();
      }
      ApiClient.Response accepted =
          coordinator(TestRegistry.CORE)
              .post("/api/v1/referrals/" + late + "/accept", Map.of("department", "CARDIOLOGY"));
      assertThat(accepted.status()).isEqualTo(200);

      JsonNode whileInFlight = page(ops, cursor).get("changes");
      assertThat(referralIds(whileInFlight)).doesNotContain(late, early);
      String cursorWhileInFlight = page(ops, cursor).get("nextCursor").asString();
      slow.commit();

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(referralIds(page(ops, cursorWhileInFlight).get("changes")))
                      .containsSubsequence(early, late));
    }
  }

  private List<String> stagesOf(ApiClient client, String after, String id) {
    List<String> stages = new ArrayList<>();
    String cursor = after;
    while (true) {
      JsonNode page = page(client, cursor);
      for (JsonNode change : page.get("changes")) {
        if (change.get("referralId").asString().equals(id)) {
          stages.add(change.get("to").asString());
        }
      }
      if (page.get("changes").isEmpty()) {
        return stages;
      }
      cursor = page.get("nextCursor").asString();
    }
  }

  /** The cursor after everything visible now. */
  private String head(ApiClient client) {
    String cursor = "";
    while (true) {
      JsonNode page = page(client, cursor);
      cursor = page.get("nextCursor").asString();
      if (page.get("changes").isEmpty()) {
        return cursor;
      }
    }
  }

  private static JsonNode page(ApiClient client, String after) {
    ApiClient.Response response =
        client.get(
            "/api/v1/referrals/changes?limit=500" + (after.isEmpty() ? "" : "&after=" + after));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static List<String> referralIds(JsonNode changes) {
    List<String> ids = new ArrayList<>();
    for (JsonNode change : changes) {
      ids.add(change.get("referralId").asString());
    }
    return ids;
  }
}
