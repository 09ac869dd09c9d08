package cn.yilianti.registry.hospital;

import cn.yilianti.events.registry.HospitalKind;
import cn.yilianti.events.registry.HospitalLevel;
import cn.yilianti.events.registry.HospitalStatus;
import cn.yilianti.events.registry.MembershipRole;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.registry.web.ETags;
import cn.yilianti.registry.web.Page;
import cn.yilianti.registry.web.Params;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Member institutions: create, read, update, suspend, reactivate, remove, search, history. */
@RestController
@RequestMapping("/api/v1/hospitals")
class HospitalController {

  private final HospitalService service;

  HospitalController(HospitalService service) {
    this.service = service;
  }

  /** Search and filter; every parameter is optional; {@code level} and {@code kind} repeat. */
  @GetMapping
  Page<Hospital> search(
      @RequestParam(required = false) @Nullable String alliance,
      @RequestParam(required = false) @Nullable MembershipRole membership,
      @RequestParam(required = false) @Nullable String region,
      @RequestParam(required = false) @Nullable List<String> level,
      @RequestParam(required = false) @Nullable List<String> kind,
      @RequestParam(required = false) @Nullable String parent,
      @RequestParam(required = false) @Nullable HospitalStatus status,
      @RequestParam(required = false) @Nullable Boolean synthetic,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size,
      @RequestParam(defaultValue = "code")
          @Pattern(
              regexp = "^(code|nameZh|nameEn|bedCapacity|updatedAt)(,(asc|desc))?$",
              message =
                  "must be code, nameZh, nameEn, bedCapacity or updatedAt, then ,asc or ,desc")
          String sort,
      Caller caller) {
    HospitalFilter filter =
        new HospitalFilter(
            alliance,
            membership,
            region,
            Params.enums("level", level, HospitalLevel.class),
            Params.enums("kind", kind, HospitalKind.class),
            parent,
            status,
            synthetic,
            q);
    return service.search(filter, page, size, sort, caller);
  }

  @PostMapping
  ResponseEntity<Hospital> create(@Valid @RequestBody HospitalRequest request, Caller caller) {
    Hospital created = service.create(request, caller);
    return ResponseEntity.created(URI.create("/api/v1/hospitals/" + created.code()))
        .eTag(ETags.of(created.revision()))
        .body(created);
  }

  @GetMapping("/{code}")
  ResponseEntity<Hospital> get(@PathVariable String code, Caller caller) {
    return withETag(service.get(code, caller));
  }

  /** Replaces the hospital's description; send the ETag you read in If-Match. */
  @PutMapping("/{code}")
  ResponseEntity<Hospital> update(
      @PathVariable String code,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody HospitalRequest request,
      Caller caller) {
    return withETag(service.update(code, request, ETags.expectedRevision(ifMatch), caller));
  }

  /** A suspended hospital neither sends nor receives referrals until it is reactivated. */
  @PostMapping("/{code}/suspend")
  ResponseEntity<Hospital> suspend(
      @PathVariable String code,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      Caller caller) {
    return withETag(
        service.changeStatus(
            code, HospitalStatus.SUSPENDED, ETags.expectedRevision(ifMatch), caller));
  }

  @PostMapping("/{code}/reactivate")
  ResponseEntity<Hospital> reactivate(
      @PathVariable String code,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      Caller caller) {
    return withETag(
        service.changeStatus(code, HospitalStatus.ACTIVE, ETags.expectedRevision(ifMatch), caller));
  }

  /** Removes a hospital no other hospital points at; a tombstone is published for its code. */
  @DeleteMapping("/{code}")
  ResponseEntity<Void> remove(
      @PathVariable String code,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      Caller caller) {
    service.remove(code, ETags.expectedRevision(ifMatch), caller);
    return ResponseEntity.noContent().build();
  }

  /** Who changed what and when, newest first. */
  @GetMapping("/{code}/history")
  Page<HospitalChange> history(
      @PathVariable String code,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size,
      Caller caller) {
    return service.history(code, page, size, caller);
  }

  private static ResponseEntity<Hospital> withETag(Hospital hospital) {
    return ResponseEntity.ok().eTag(ETags.of(hospital.revision())).body(hospital);
  }
}
