package cn.yilianti.referral.idempotency;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the store says about a key when a request arrives with it. */
record Claim(Outcome outcome, @Nullable StoredResponse response, @Nullable UUID owner) {

  enum Outcome {
    /** First use: this request runs and its answer is stored. */
    NEW,
    /** The same key came with another request. */
    MISMATCH,
    /** The first request with this key has not answered yet. */
    IN_FLIGHT,
    /** Answered before: replay the stored answer. */
    DONE
  }

  static Claim of(Outcome outcome) {
    return new Claim(outcome, null, null);
  }

  /** This request holds the key: {@code owner} identifies its claim. */
  static Claim taken(UUID owner) {
    return new Claim(Outcome.NEW, null, owner);
  }
}
