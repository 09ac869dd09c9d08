package cn.yilianti.registry.alliance;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.registry.alliance.AllianceService.AllianceView;
import cn.yilianti.registry.web.ETags;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/alliances")
class AllianceController {

  private final AllianceService service;

  AllianceController(AllianceService service) {
    this.service = service;
  }

  @GetMapping
  List<Alliance> list(Caller caller) {
    return service.list(caller);
  }

  @GetMapping("/{code}")
  ResponseEntity<AllianceView> get(@PathVariable String code, Caller caller) {
    AllianceView view = service.get(code, caller);
    return ResponseEntity.ok().eTag(ETags.of(view.alliance().revision())).body(view);
  }

  /** Founds an alliance; its founder manages it from their next token on. */
  @PostMapping
  ResponseEntity<Alliance> create(@Valid @RequestBody AllianceRequest request, Caller caller) {
    Alliance created = service.create(request, caller);
    return ResponseEntity.created(URI.create("/api/v1/alliances/" + created.code()))
        .eTag(ETags.of(created.revision()))
        .body(created);
  }

  @PutMapping("/{code}")
  ResponseEntity<Alliance> update(
      @PathVariable String code,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody AllianceRequest request,
      Caller caller) {
    Alliance updated = service.update(code, request, ETags.expectedRevision(ifMatch), caller);
    return ResponseEntity.ok().eTag(ETags.of(updated.revision())).body(updated);
  }
}
