package cn.yilianti.referral.referral;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.referral.protection.PatientIdentity;
import cn.yilianti.referral.referral.TransitionRequests.AcceptRequest;
import cn.yilianti.referral.referral.TransitionRequests.CancelRequest;
import cn.yilianti.referral.referral.TransitionRequests.CompleteRequest;
import cn.yilianti.referral.referral.TransitionRequests.RejectRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals over REST. Every answer carrying a referral has its version as {@code ETag}; a
 * transition sent with {@code If-Match} is refused with 412 when the referral changed meanwhile.
 */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralController {

  private final ReferralService service;
  private final ReferralLifecycle lifecycle;
  private final ReferralMapper mapper;

  ReferralController(ReferralService service, ReferralLifecycle lifecycle, ReferralMapper mapper) {
    this.service = service;
    this.lifecycle = lifecycle;
    this.mapper = mapper;
  }

  @PostMapping
  ResponseEntity<ReferralView> submit(
      Caller caller, @Valid @RequestBody SubmitReferralRequest request) {
    Referral referral = service.submit(caller, request);
    return ResponseEntity.created(URI.create("/api/v1/referrals/" + referral.id()))
        .eTag(ETags.of(referral.version()))
        .body(mapper.toView(referral));
  }

  @GetMapping("/{id}")
  ResponseEntity<ReferralView> get(Caller caller, @PathVariable UUID id) {
    return view(service.get(caller, id));
  }

  @GetMapping("/{id}/history")
  List<HistoryRepository.HistoryEntry> history(Caller caller, @PathVariable UUID id) {
    return service.history(caller, id);
  }

  /** The patient's identity in full, for the receiving hospital only. */
  @GetMapping("/{id}/patient")
  PatientIdentity patient(Caller caller, @PathVariable UUID id) {
    return service.patient(caller, id);
  }

  @PostMapping("/{id}/accept")
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

  @PostMapping("/{id}/reject")
  ResponseEntity<ReferralView> reject(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody RejectRequest body) {
    String reason = body.reasonCode().name();
    return move(
        caller,
        id,
        ifMatch,
        Transition.REJECT,
        a -> a.reasoned(reason, body.comment()),
        reason,
        body.comment());
  }

  @PostMapping("/{id}/cancel")
  ResponseEntity<ReferralView> cancel(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody CancelRequest body) {
    String reason = body.reasonCode().name();
    return move(
        caller,
        id,
        ifMatch,
        Transition.CANCEL,
        a -> a.reasoned(reason, body.comment()),
        reason,
        body.comment());
  }

  @PostMapping("/{id}/arrive")
  ResponseEntity<ReferralView> arrive(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    return move(caller, id, ifMatch, Transition.ARRIVE, UnaryOperator.identity(), null, null);
  }

  @PostMapping("/{id}/complete")
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

  @PostMapping("/{id}/no-show")
  ResponseEntity<ReferralView> noShow(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    return move(caller, id, ifMatch, Transition.NO_SHOW, UnaryOperator.identity(), null, null);
  }

  private ResponseEntity<ReferralView> move(
      Caller caller,
      UUID id,
      @Nullable String ifMatch,
      Transition transition,
      UnaryOperator<Answer> answer,
      @Nullable String reasonCode,
      @Nullable String comment) {
    return view(
        lifecycle.apply(
            caller, id, transition, ETags.expectedVersion(ifMatch), answer, reasonCode, comment));
  }

  private ResponseEntity<ReferralView> view(Referral referral) {
    return ResponseEntity.ok().eTag(ETags.of(referral.version())).body(mapper.toView(referral));
  }
}
