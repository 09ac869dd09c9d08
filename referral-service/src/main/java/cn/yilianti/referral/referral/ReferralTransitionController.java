package cn.yilianti.referral.referral;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.referral.referral.TransitionRequests.AcceptRequest;
import cn.yilianti.referral.referral.TransitionRequests.CancelRequest;
import cn.yilianti.referral.referral.TransitionRequests.CompleteRequest;
import cn.yilianti.referral.referral.TransitionRequests.RejectRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lifecycle over REST: one endpoint per transition, each answering with the referral and its
 * version as {@code ETag}; sent with {@code If-Match}, a transition is refused with 412 when the
 * referral changed meanwhile, and an illegal one with 409 naming the current status.
 */
@RestController
@RequestMapping("/api/v1/referrals/{id}")
class ReferralTransitionController {

  private final ReferralLifecycle lifecycle;
  private final ReferralMapper mapper;

  ReferralTransitionController(ReferralLifecycle lifecycle, ReferralMapper mapper) {
    this.lifecycle = lifecycle;
    this.mapper = mapper;
  }

  @PostMapping("/accept")
  ResponseEntity<ReferralView> accept(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody AcceptRequest body) {
    return move(
        caller,
        id,
        ifMatch,
        Transition.ACCEPT,
        a -> a.accepted(body.department(), body.appointmentAt(), body.bed()),
        null,
        null);
  }

  @PostMapping("/reject")
  ResponseEntity<ReferralView> reject(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody RejectRequest body) {
    return reasoned(caller, id, ifMatch, Transition.REJECT, body.reasonCode(), body.comment());
  }

  @PostMapping("/cancel")
  ResponseEntity<ReferralView> cancel(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody CancelRequest body) {
    return reasoned(caller, id, ifMatch, Transition.CANCEL, body.reasonCode(), body.comment());
  }

  @PostMapping("/arrive")
  ResponseEntity<ReferralView> arrive(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    return move(caller, id, ifMatch, Transition.ARRIVE, UnaryOperator.identity(), null, null);
  }

  @PostMapping("/complete")
  ResponseEntity<ReferralView> complete(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody CompleteRequest body) {
    String outcome = body.outcomeCode().name();
    return move(
        caller,
        id,
        ifMatch,
        Transition.COMPLETE,
        a -> a.completed(outcome, body.summary()),
        outcome,
        null);
  }

  @PostMapping("/no-show")
  ResponseEntity<ReferralView> noShow(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    return move(caller, id, ifMatch, Transition.NO_SHOW, UnaryOperator.identity(), null, null);
  }

  /** A transition with a coded reason and a comment, kept in the answer and the audit row. */
  private ResponseEntity<ReferralView> reasoned(
      Caller caller,
      UUID id,
      @Nullable String ifMatch,
      Transition transition,
      Enum<?> reasonCode,
      @Nullable String comment) {
    String reason = reasonCode.name();
    return move(caller, id, ifMatch, transition, a -> a.reasoned(reason, comment), reason, comment);
  }

  private ResponseEntity<ReferralView> move(
      Caller caller,
      UUID id,
      @Nullable String ifMatch,
      Transition transition,
      UnaryOperator<Answer> answer,
      @Nullable String reasonCode,
      @Nullable String comment) {
    Referral moved =
        lifecycle.apply(
            caller, id, transition, ETags.expectedVersion(ifMatch), answer, reasonCode, comment);
    return ETags.ok(moved.version(), mapper.toView(moved));
  }
}
