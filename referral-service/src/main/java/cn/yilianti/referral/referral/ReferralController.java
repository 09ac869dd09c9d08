package cn.yilianti.referral.referral;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.referral.protection.PatientIdentity;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals over REST: submission, reading, the audit trail; each view with its version as ETag.
 */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralController {

  private final ReferralService service;
  private final ReferralMapper mapper;

  ReferralController(ReferralService service, ReferralMapper mapper) {
    this.service = service;
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

  private ResponseEntity<ReferralView> view(Referral referral) {
    return ETags.ok(referral.version(), mapper.toView(referral));
  }
}
