package cn.yilianti.registry.alliance;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.platform.web.ProblemException;
import cn.yilianti.registry.security.Access;
import cn.yilianti.registry.security.Forbidden;
import cn.yilianti.registry.web.ETags;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Alliances: any alliance manager may found one (and then manages it); its managers edit it. */
@Service
public class AllianceService {

  private final AllianceRepository alliances;
  private final AllianceGrants grants;

  AllianceService(AllianceRepository alliances, AllianceGrants grants) {
    this.alliances = alliances;
    this.grants = grants;
  }

  /** An alliance with its current members counted by role. */
  public record AllianceView(Alliance alliance, Map<String, Long> members) {}

  @Transactional
  public Alliance create(AllianceRequest request, Caller caller) {
    if (!Access.isSystem(caller) && !caller.has(Role.ALLIANCE_MANAGER)) {
      throw Forbidden.because("Only alliance managers change the registry");
    }
    if (alliances.find(request.code()).isPresent()) {
      throw ProblemException.conflict(
              "duplicate-code", "Alliance " + request.code() + " already exists")
          .with("code", request.code());
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Alliance alliance =
        new Alliance(
            request.code(),
            request.nameZh(),
            request.nameEn(),
            request.kind(),
            request.description(),
            1,
            now,
            now);
    alliances.insert(alliance);
    if (!Access.isSystem(caller)) {
      grants.grant(caller.subject(), alliance.code());
    }
    return alliance;
  }

  @Transactional
  public Alliance update(
      String code, AllianceRequest request, @Nullable Long expectedRevision, Caller caller) {
    if (!code.equals(request.code())) {
      throw ProblemException.invalid(
          "code", "matches-path", "must be " + code + ", as in the path");
    }
    Alliance before = find(code);
    if (!Access.manages(caller, code)) {
      throw Forbidden.because("You do not manage alliance " + code);
    }
    ETags.requireCurrent(expectedRevision, before.revision(), "Alliance " + code);
    Alliance after =
        new Alliance(
            code,
            request.nameZh(),
            request.nameEn(),
            request.kind(),
            request.description(),
            before.revision() + 1,
            before.createdAt(),
            Instant.now().truncatedTo(ChronoUnit.MICROS));
    alliances.update(after);
    return after;
  }

  @Transactional(readOnly = true)
  public List<Alliance> list(Caller caller) {
    requireStaff(caller);
    return alliances.all();
  }

  @Transactional(readOnly = true)
  public AllianceView get(String code, Caller caller) {
    requireStaff(caller);
    return new AllianceView(find(code), alliances.memberCounts(code));
  }

  private Alliance find(String code) {
    return alliances.find(code).orElseThrow(() -> ProblemException.notFound("Alliance", code));
  }

  private static void requireStaff(Caller caller) {
    if (!Access.readsEverything(caller)) {
      throw Forbidden.because("An HIS client reads only its own hospital and its routes");
    }
  }
}
