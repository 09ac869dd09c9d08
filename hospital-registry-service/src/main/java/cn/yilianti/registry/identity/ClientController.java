package cn.yilianti.registry.identity;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.registry.web.Codes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * HIS clients of a hospital: register (the secret is shown once), rotate the secret, revoke.
 * Managers of one of the hospital's alliances only.
 */
@RestController
class ClientController {

  private final Clients clients;

  ClientController(Clients clients) {
    this.clients = clients;
  }

  /** Optional body of a registration. */
  record Registration(
      @Nullable @Size(max = 100) @Pattern(regexp = Codes.PATTERN) String clientId) {}

  /**
   * Optional body of a rotation: how long the current secrets keep working (ISO-8601, e.g. PT24H;
   * PT0S stops them at once). Default: {@code registry.identity.secret-grace-period}.
   */
  record Rotation(@Nullable Duration gracePeriod) {}

  @PostMapping("/api/v1/hospitals/{code}/clients")
  ResponseEntity<IssuedSecret> register(
      @PathVariable String code,
      @Valid @RequestBody(required = false) @Nullable Registration body,
      Caller caller) {
    IssuedSecret issued = clients.registerHis(code, body == null ? null : body.clientId(), caller);
    return ResponseEntity.created(URI.create("/api/v1/clients/" + issued.clientId())).body(issued);
  }

  @GetMapping("/api/v1/hospitals/{code}/clients")
  List<ApiClient> ofHospital(@PathVariable String code, Caller caller) {
    return clients.ofHospital(code, caller);
  }

  @GetMapping("/api/v1/clients/{clientId}")
  ApiClient get(@PathVariable String clientId, Caller caller) {
    return clients.get(clientId, caller);
  }

  @PostMapping("/api/v1/clients/{clientId}/rotate-secret")
  IssuedSecret rotate(
      @PathVariable String clientId,
      @RequestBody(required = false) @Nullable Rotation body,
      Caller caller) {
    Duration grace = body == null ? null : body.gracePeriod();
    if (grace != null && grace.isNegative()) {
      throw cn.yilianti.platform.web.ProblemException.invalid(
          "gracePeriod", "PositiveOrZero", "must not be negative");
    }
    return clients.rotate(clientId, grace, caller);
  }

  /** Refused at the token endpoint at once; its tokens expire within one token lifetime. */
  @PostMapping("/api/v1/clients/{clientId}/revoke")
  ApiClient revoke(@PathVariable String clientId, Caller caller) {
    return clients.revoke(clientId, caller);
  }
}
