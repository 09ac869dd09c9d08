package cn.yilianti.registry.hospital;

import cn.yilianti.events.registry.HospitalKind;
import cn.yilianti.events.registry.HospitalLevel;
import cn.yilianti.events.registry.HospitalStatus;
import cn.yilianti.events.registry.MembershipRole;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Search criteria; every one left out matches all. {@code region} matches a province, city or
 * county code; {@code membership} applies to the {@code alliance} given, or to any alliance.
 */
public record HospitalFilter(
    @Nullable String alliance,
    @Nullable MembershipRole membership,
    @Nullable String region,
    List<HospitalLevel> level,
    List<HospitalKind> kind,
    @Nullable String parent,
    @Nullable HospitalStatus status,
    @Nullable Boolean synthetic,
    @Nullable String q) {

  public HospitalFilter {
    level = level == null ? List.of() : level;
    kind = kind == null ? List.of() : kind;
  }
}
