package cn.yilianti.indicator.query;

import cn.yilianti.indicator.hierarchy.Hierarchy;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.platform.web.ProblemException;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resolves a scope and checks who may see it: ops see everything, alliance managers the hospitals
 * of their alliances, an HIS client or coordinator only its own hospital.
 */
@Component
class Scopes {

  private final Hierarchy hierarchy;
  private final JdbcClient jdbc;

  Scopes(Hierarchy hierarchy, JdbcClient jdbc) {
    this.hierarchy = hierarchy;
    this.jdbc = jdbc;
  }

  Scope hospital(Caller caller, String code, boolean subordinates) {
    requireKnownHospital(code);
    if (!caller.has(Role.OPS)) {
      boolean manages =
          caller.has(Role.ALLIANCE_MANAGER)
              && hierarchy.alliances(code).stream().anyMatch(caller.alliances()::contains);
      boolean own = caller.belongsTo(code) && !subordinates;
      if (!manages && !own) {
        throw forbidden("hospital " + code);
      }
    }
    return new Scope(
        "HOSPITAL", code, subordinates ? hierarchy.withSubordinates(code) : Set.of(code));
  }

  Scope alliance(Caller caller, String code) {
    Set<String> members = hierarchy.membersOf(code);
    if (members.isEmpty()) {
      throw ProblemException.notFound("Alliance", code);
    }
    if (!caller.has(Role.OPS)
        && !(caller.has(Role.ALLIANCE_MANAGER) && caller.alliances().contains(code))) {
      throw forbidden("alliance " + code);
    }
    return new Scope("ALLIANCE", code, members);
  }

  Scope province(Caller caller, String code) {
    Set<String> hospitals = new TreeSet<>(hierarchy.inProvince(code));
    if (hospitals.isEmpty()) {
      throw ProblemException.notFound("Province", code);
    }
    if (!caller.has(Role.OPS)) {
      if (!caller.has(Role.ALLIANCE_MANAGER)) {
        throw forbidden("province " + code);
      }
      hospitals.removeIf(
          h -> hierarchy.alliances(h).stream().noneMatch(caller.alliances()::contains));
    }
    return new Scope("PROVINCE", code, hospitals);
  }

  /** Known: in the registry read model, or named by a counted event (registry not caught up). */
  void requireKnownHospital(String code) {
    if (hierarchy.hospital(code).isPresent()) {
      return;
    }
    boolean counted =
        jdbc.sql(
                """
                select exists (select 1 from event_log where hospital = :h)
                    or exists (select 1 from event_log where counterpart = :h)
                """)
            .param("h", code)
            .query(Boolean.class)
            .single();
    if (!counted) {
      throw ProblemException.notFound("Hospital", code);
    }
  }

  private static ProblemException forbidden(String what) {
    return new ProblemException(
        HttpStatus.FORBIDDEN, "forbidden", "The token does not allow reading " + what);
  }
}
