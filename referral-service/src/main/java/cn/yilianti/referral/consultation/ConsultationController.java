package cn.yilianti.referral.consultation;

import cn.yilianti.events.consultation.ConsultationStage;
import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.referral.Priority;
import cn.yilianti.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/consultations")
class ConsultationController {

  private final ConsultationService service;
  private final ConsultationTransitions transitions;
  private final ConsultationSearch search;
  private final ConsultationAccess access;
  private final ConsultationMapper mapper;

  ConsultationController(
      ConsultationService service,
      ConsultationTransitions transitions,
      ConsultationSearch search,
      ConsultationAccess access,
      ConsultationMapper mapper) {
    this.service = service;
    this.transitions = transitions;
    this.search = search;
    this.access = access;
    this.mapper = mapper;
  }

  @PostMapping
  ResponseEntity<ConsultationView> request(
      Caller caller, @Valid @RequestBody ConsultationRequest request) {
    Consultation c = service.request(caller, request);
    return ResponseEntity.created(ConsultationService.location(c.id()))
        .eTag(c.etag())
        .body(mapper.toView(c));
  }

  @GetMapping("/{id}")
  ResponseEntity<ConsultationView> get(Caller caller, @PathVariable UUID id) {
    return view(service.get(caller, id));
  }

  @GetMapping("/{id}/history")
  List<HistoryEntry> history(Caller caller, @PathVariable UUID id) {
    return service.history(caller, id);
  }

  @GetMapping
  ConsultationView.Page list(
      Caller caller,
      @RequestParam(required = false) @Nullable ConsultationStage status,
      @RequestParam(required = false) @Nullable ConsultationType type,
      @RequestParam(required = false) @Nullable Priority priority,
      @RequestParam(required = false) @Nullable String fromHospital,
      @RequestParam(required = false) @Nullable String toHospital,
      @RequestParam(required = false) @Nullable Instant requestedFrom,
      @RequestParam(required = false) @Nullable Instant requestedTo,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    List<Consultation> rows =
        search.page(
            new ConsultationSearch.Filter(
                status, type, priority, fromHospital, toHospital, requestedFrom, requestedTo),
            access.visibleHospitals(caller),
            cursor == null ? null : PageCursor.decode(cursor),
            limit);
    boolean more = rows.size() > limit;
    List<Consultation> page = more ? rows.subList(0, limit) : rows;
    return new ConsultationView.Page(
        page.stream().map(mapper::toView).toList(),
        more ? PageCursor.after(page.getLast()).encode() : null);
  }

  @PostMapping("/{id}/schedule")
  ResponseEntity<ConsultationView> schedule(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody ConsultationAnswers.Schedule body) {
    return view(transitions.schedule(caller, id, ifMatch, body));
  }

  @PostMapping("/{id}/complete")
  ResponseEntity<ConsultationView> complete(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody ConsultationAnswers.Complete body) {
    return view(transitions.complete(caller, id, ifMatch, body));
  }

  @PostMapping("/{id}/decline")
  ResponseEntity<ConsultationView> decline(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody ConsultationAnswers.Decline body) {
    return view(transitions.decline(caller, id, ifMatch, body));
  }

  @PostMapping("/{id}/cancel")
  ResponseEntity<ConsultationView> cancel(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody ConsultationAnswers.Cancel body) {
    return view(transitions.cancel(caller, id, ifMatch, body));
  }

  private ResponseEntity<ConsultationView> view(Consultation c) {
    return ResponseEntity.ok().eTag(c.etag()).body(mapper.toView(c));
  }
}
