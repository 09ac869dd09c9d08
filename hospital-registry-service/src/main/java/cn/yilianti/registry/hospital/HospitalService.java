package cn.yilianti.registry.hospital;

import cn.yilianti.events.registry.HospitalStatus;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.platform.web.FieldProblem;
import cn.yilianti.platform.web.ProblemException;
import cn.yilianti.registry.alliance.AllianceRepository;
import cn.yilianti.registry.security.Access;
import cn.yilianti.registry.security.Forbidden;
import cn.yilianti.registry.web.ETags;
import cn.yilianti.registry.web.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to a hospital: checks who may make it and the model rules, stores it at the next
 * revision, records the history and publishes the full state, all in one transaction.
 */
@Service
public class HospitalService {

  private final HospitalRepository hospitals;
  private final HospitalSearch search;
  private final AllianceRepository alliances;
  private final ChangeHistory history;
  private final HospitalEvents events;
  private final HospitalMapper mapper;
  private final ApplicationEventPublisher publisher;

  HospitalService(
      HospitalRepository hospitals,
      HospitalSearch search,
      AllianceRepository alliances,
      ChangeHistory history,
      HospitalEvents events,
      HospitalMapper mapper,
      ApplicationEventPublisher publisher) {
    this.hospitals = hospitals;
    this.search = search;
    this.alliances = alliances;
    this.history = history;
    this.events = events;
    this.mapper = mapper;
    this.publisher = publisher;
  }

  @Transactional
  public Hospital create(HospitalRequest request, Caller caller) {
    HospitalAccess.requireMayWrite(caller, null, null);
    if (hospitals.find(request.code()).isPresent()) {
      throw ProblemException.conflict(
              "duplicate-code", "Hospital " + request.code() + " already exists")
          .with("code", request.code());
    }
    requireValid(request);
    HospitalAccess.requireMayWrite(caller, null, request);
    Instant now = now();
    Hospital created = mapper.toHospital(request, HospitalStatus.ACTIVE, 1, now, now);
    hospitals.insert(created);
    recordAndPublish(ChangeAction.CREATED, caller, null, created);
    return created;
  }

  @Transactional
  public Hospital update(
      String code, HospitalRequest request, @Nullable Long expectedRevision, Caller caller) {
    if (!code.equals(request.code())) {
      throw ProblemException.invalid(
          "code", "matches-path", "must be " + code + ", as in the path");
    }
    Hospital before = lockForChange(code, expectedRevision, caller);
    requireValid(request);
    HospitalAccess.requireMayWrite(caller, before, request);
    Hospital after =
        mapper.toHospital(
            request, before.status(), before.revision() + 1, before.createdAt(), now());
    hospitals.update(after);
    recordAndPublish(ChangeAction.UPDATED, caller, before, after);
    return after;
  }

  @Transactional
  public Hospital changeStatus(
      String code, HospitalStatus status, @Nullable Long expectedRevision, Caller caller) {
    Hospital before = lockForChange(code, expectedRevision, caller);
    if (before.status() == status) {
      return before;
    }
    Hospital after = before.withStatus(status, now());
    hospitals.update(after);
    recordAndPublish(
        status == HospitalStatus.SUSPENDED ? ChangeAction.SUSPENDED : ChangeAction.REACTIVATED,
        caller,
        before,
        after);
    return after;
  }

  /** Removes a hospital nothing else points at, and publishes a tombstone for its key. */
  @Transactional
  public void remove(String code, @Nullable Long expectedRevision, Caller caller) {
    Hospital before = lockForChange(code, expectedRevision, caller);
    List<String> children = hospitals.childrenOf(code);
    List<String> partners = hospitals.agreementsNaming(code);
    if (!children.isEmpty() || !partners.isEmpty()) {
      throw ProblemException.conflict(
              "still-referenced",
              code + " is the parent of " + children + " or in the agreements of " + partners)
          .with("children", children)
          .with("agreementPartners", partners);
    }
    hospitals.delete(code);
    history.record(
        code, before.revision() + 1, ChangeAction.REMOVED, caller.subject(), now(), before, null);
    events.removed(code);
    publisher.publishEvent(new HospitalRemoved(code, caller.subject()));
  }

  /**
   * Creates or updates from an already validated import row; an unchanged row changes nothing (no
   * revision, no history, no event), so importing the same file twice is a no-op.
   */
  @Transactional
  public ImportOutcome importRow(HospitalRequest request, Caller caller) {
    Hospital before = hospitals.findForUpdate(request.code()).orElse(null);
    Instant now = now();
    if (before == null) {
      Hospital created = mapper.toHospital(request, HospitalStatus.ACTIVE, 1, now, now);
      hospitals.insert(created);
      recordAndPublish(ChangeAction.IMPORTED, caller, null, created);
      return ImportOutcome.CREATED;
    }
    Hospital after =
        mapper.toHospital(request, before.status(), before.revision() + 1, before.createdAt(), now);
    if (history.diff(before, after).isEmpty()) {
      return ImportOutcome.UNCHANGED;
    }
    hospitals.update(after);
    recordAndPublish(ChangeAction.IMPORTED, caller, before, after);
    return ImportOutcome.UPDATED;
  }

  /** What importing one row did. */
  public enum ImportOutcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  @Transactional(readOnly = true)
  public Hospital get(String code, Caller caller) {
    HospitalAccess.requireMayRead(caller, code);
    return hospitals.find(code).orElseThrow(() -> ProblemException.notFound("Hospital", code));
  }

  @Transactional(readOnly = true)
  public Page<Hospital> search(
      HospitalFilter filter, int page, int size, String sort, Caller caller) {
    if (!Access.readsEverything(caller)) {
      throw Forbidden.because("An HIS client reads only its own hospital");
    }
    return search.search(filter, page, size, sort);
  }

  @Transactional(readOnly = true)
  public Page<HospitalChange> history(String code, int page, int size, Caller caller) {
    if (!Access.isSystem(caller) && !caller.has(Role.ALLIANCE_MANAGER) && !caller.has(Role.OPS)) {
      throw Forbidden.because("The change history is for alliance managers and operators");
    }
    if (hospitals.find(code).isEmpty() && !history.exists(code)) {
      throw ProblemException.notFound("Hospital", code);
    }
    return history.of(code, page, size);
  }

  /** 404, 403 and 412 come before the model rules, in that order. */
  private Hospital lockForChange(String code, @Nullable Long expectedRevision, Caller caller) {
    Hospital before =
        hospitals
            .findForUpdate(code)
            .orElseThrow(() -> ProblemException.notFound("Hospital", code));
    HospitalAccess.requireMayWrite(caller, before, null);
    ETags.requireCurrent(expectedRevision, before.revision(), "Hospital " + code);
    return before;
  }

  private void requireValid(HospitalRequest request) {
    List<FieldProblem> problems =
        HospitalRules.check(request, hospitals.nodes(), alliances.codes());
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
  }

  /** 400 naming every field and rule, like the platform's bean-validation answers. */
  public static ProblemException invalid(List<FieldProblem> problems) {
    return new ProblemException(
            HttpStatus.BAD_REQUEST,
            "invalid-request",
            problems.size() == 1
                ? problems.getFirst().field() + ": " + problems.getFirst().message()
                : problems.size() + " invalid fields")
        .with("errors", problems);
  }

  private void recordAndPublish(
      ChangeAction action, Caller caller, @Nullable Hospital before, Hospital after) {
    history.record(
        after.code(), after.revision(), action, caller.subject(), after.updatedAt(), before, after);
    events.changed(after, after.updatedAt());
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
