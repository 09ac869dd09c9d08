package cn.yilianti.referral.referral;

import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.events.referral.ReferralStage;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.web.ProblemException;
import cn.yilianti.referral.access.ReferralAccess;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/referrals}: list and search with filters, newest first, cursor-paged; only the
 * referrals the caller may read.
 */
@RestController
class ReferralListController {

  static final int MAX_LIMIT = 200;

  private final ReferralSearch search;
  private final ReferralMapper mapper;

  ReferralListController(ReferralSearch search, ReferralMapper mapper) {
    this.search = search;
    this.mapper = mapper;
  }

  record ReferralPage(List<ReferralView> items, @Nullable String nextCursor) {}

  @GetMapping("/api/v1/referrals")
  ReferralPage list(
      Caller caller,
      @RequestParam(required = false) @Nullable List<ReferralStage> status,
      @RequestParam(required = false) @Nullable Direction direction,
      @RequestParam(required = false) @Nullable Priority priority,
      @RequestParam(required = false) @Nullable String hospital,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(required = false) @Nullable String patientKey,
      @RequestParam(required = false) @Nullable String hisBusinessId,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ProblemException.invalid("limit", "range", "must be between 1 and " + MAX_LIMIT);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw ProblemException.invalid("to", "after-from", "must not be before from");
    }
    ReferralSearch.Page page =
        search.find(
            new SearchCriteria(
                status, direction, priority, hospital, from, to, patientKey, hisBusinessId),
            ReferralAccess.readFilter(caller),
            cursor,
            limit);
    return new ReferralPage(page.items().stream().map(mapper::toView).toList(), page.nextCursor());
  }
}
