package cn.yilianti.notification.api;

import cn.yilianti.notification.api.Views.Acknowledged;
import cn.yilianti.notification.api.Views.CaseDeliveries;
import cn.yilianti.notification.api.Views.DeliveryView;
import cn.yilianti.notification.api.Views.HospitalStatus;
import cn.yilianti.notification.api.Views.SecretRequest;
import cn.yilianti.notification.api.Views.SecretSet;
import cn.yilianti.notification.channel.WebhookSecrets;
import cn.yilianti.notification.channel.WebhookSignature;
import cn.yilianti.notification.notice.CaseType;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delivery status and history per referral or consultation, parked deliveries and retry-now,
 * acknowledgements, endpoint status per hospital and webhook secrets. Every answer is limited to
 * the hospitals the caller may see.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

  private final NotificationQueries queries;
  private final Access access;
  private final Acknowledgements acknowledgements;
  private final ParkedDeliveries parked;
  private final WebhookSecrets secrets;

  NotificationController(
      NotificationQueries queries,
      Access access,
      Acknowledgements acknowledgements,
      ParkedDeliveries parked,
      WebhookSecrets secrets) {
    this.queries = queries;
    this.access = access;
    this.acknowledgements = acknowledgements;
    this.parked = parked;
    this.secrets = secrets;
  }

  @GetMapping("/referrals/{id}")
  CaseDeliveries referral(@PathVariable UUID id, Caller caller) {
    return ofCase(id, CaseType.REFERRAL, caller);
  }

  @GetMapping("/consultations/{id}")
  CaseDeliveries consultation(@PathVariable UUID id, Caller caller) {
    return ofCase(id, CaseType.CONSULTATION, caller);
  }

  @GetMapping("/parked")
  List<DeliveryView> parked(
      @RequestParam(required = false) @Nullable String hospital, Caller caller) {
    if (hospital == null && !caller.seesAllHospitals()) {
      hospital = caller.hospital();
    }
    if (hospital != null && !access.sees(caller, hospital)) {
      throw Access.forbidden("not your hospital: " + hospital);
    }
    if (hospital == null) {
      access.requireOps(caller);
    }
    return queries.parked(hospital);
  }

  @PostMapping("/deliveries/{id}/retry")
  DeliveryView retry(@PathVariable long id, Caller caller) {
    return parked.retry(id, caller);
  }

  @PostMapping("/{id}/acknowledge")
  Acknowledged acknowledge(@PathVariable UUID id, Caller caller) {
    return acknowledgements.acknowledge(id, caller);
  }

  @GetMapping("/hospitals/{code}/status")
  HospitalStatus status(@PathVariable String code, Caller caller) {
    if (!access.sees(caller, code)) {
      throw Access.forbidden("not your hospital: " + code);
    }
    return new HospitalStatus(code, queries.endpoints(code));
  }

  /** Sets the hospital's webhook signing secret; without one in the body, generates one. */
  @PutMapping("/hospitals/{code}/webhook-secret")
  SecretSet webhookSecret(
      @PathVariable String code,
      @RequestBody(required = false) @Nullable SecretRequest request,
      Caller caller) {
    access.requireOps(caller);
    String given = request == null ? null : request.secret();
    String secret = given == null ? WebhookSignature.generate() : given;
    try {
      secrets.put(code, secret);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("secret", "format", e.getMessage());
    }
    return new SecretSet(code, given == null ? secret : null);
  }

  private CaseDeliveries ofCase(UUID id, CaseType type, Caller caller) {
    NotificationQueries.CaseRow row =
        queries
            .caseRow(id, type.name())
            .filter(
                c -> access.sees(caller, c.fromHospital()) || access.sees(caller, c.toHospital()))
            .orElseThrow(() -> ProblemException.notFound(type.name().toLowerCase(), id));
    return queries.caseDeliveries(row, hospital -> access.sees(caller, hospital));
  }
}
