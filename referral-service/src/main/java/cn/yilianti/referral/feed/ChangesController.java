package cn.yilianti.referral.feed;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.web.ProblemException;
import cn.yilianti.referral.access.ReferralAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/referrals/changes?after=<cursor>&limit=}: every status change of the referrals
 * the caller may see, oldest first. Start without {@code after}; keep the returned {@code
 * nextCursor} and ask again with it.
 */
@RestController
class ChangesController {

  static final int MAX_LIMIT = 500;

  private final ChangesRepository changes;

  ChangesController(ChangesRepository changes) {
    this.changes = changes;
  }

  @GetMapping("/api/v1/referrals/changes")
  ChangesPage changes(
      Caller caller,
      @RequestParam(required = false) @Nullable String after,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.invalid("limit", "range", "must be between 1 and " + MAX_LIMIT);
    }
    return changes.after(FeedCursor.parse(after), ReferralAccess.readFilter(caller), limit);
  }
}
