package cn.yilianti.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, from the token's claims: {@code sub}, {@code hospital}, {@code department},
 * {@code roles} and {@code alliances}. Controllers take it as a method parameter.
 */
public record Caller(
    String subject,
    @Nullable String hospital,
    @Nullable String department,
    Set<Role> roles,
    Set<String> alliances) {

  public static final String HOSPITAL = "hospital";
  public static final String DEPARTMENT = "department";
  public static final String ROLES = "roles";
  public static final String ALLIANCES = "alliances";

  public static Caller of(Jwt jwt) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String role : list(jwt.getClaimAsStringList(ROLES))) {
      try {
        roles.add(Role.valueOf(role));
      } catch (IllegalArgumentException e) {
        // A role of another system: not ours to grant anything.
      }
    }
    return new Caller(
        jwt.getSubject() == null ? "unknown" : jwt.getSubject(),
        jwt.getClaimAsString(HOSPITAL),
        jwt.getClaimAsString(DEPARTMENT),
        Set.copyOf(roles),
        Set.copyOf(list(jwt.getClaimAsStringList(ALLIANCES))));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Alliance managers and ops see every hospital of their alliances (ops: all). */
  public boolean seesAllHospitals() {
    return has(Role.OPS) || has(Role.ALLIANCE_MANAGER);
  }

  /** True when the caller is staff or a system of {@code hospitalCode}. */
  public boolean belongsTo(@Nullable String hospitalCode) {
    return hospital != null && hospital.equals(hospitalCode);
  }

  private static Collection<String> list(@Nullable List<String> values) {
    return values == null ? List.of() : values;
  }
}
