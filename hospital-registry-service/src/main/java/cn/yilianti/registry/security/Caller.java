package cn.yilianti.registry.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The principal of a request, read from the token's claims: {@code sub}, {@code roles}, {@code
 * hospital}, {@code department} and {@code alliances}.
 */
public record Caller(
    String subject,
    Set<Role> roles,
    @Nullable String hospital,
    @Nullable String department,
    Set<String> alliances,
    boolean system) {

  public static final String ROLES = "roles";
  public static final String HOSPITAL = "hospital";
  public static final String DEPARTMENT = "department";
  public static final String ALLIANCES = "alliances";

  public static Caller of(Jwt jwt) {
    return new Caller(
        jwt.getSubject(),
        roles(jwt.getClaimAsStringList(ROLES)),
        jwt.getClaimAsString(HOSPITAL),
        jwt.getClaimAsString(DEPARTMENT),
        Set.copyOf(orEmpty(jwt.getClaimAsStringList(ALLIANCES))),
        false);
  }

  /** The registry itself (seed data at start), allowed everything. */
  public static Caller system(String name) {
    return new Caller(name, EnumSet.allOf(Role.class), null, null, Set.of(), true);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** True for a manager of {@code alliance} (or the registry itself). */
  public boolean manages(String alliance) {
    return system || (has(Role.ALLIANCE_MANAGER) && alliances.contains(alliance));
  }

  /** Staff and operators read the whole registry; an HIS client only its own hospital. */
  public boolean readsEverything() {
    return system || has(Role.ALLIANCE_MANAGER) || has(Role.OPS) || has(Role.COORDINATOR);
  }

  private static Set<Role> roles(@Nullable List<String> names) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : orEmpty(names)) {
      for (Role role : Role.values()) {
        if (role.name().equals(name)) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  private static Collection<String> orEmpty(@Nullable List<String> values) {
    return values == null ? List.of() : values;
  }
}
