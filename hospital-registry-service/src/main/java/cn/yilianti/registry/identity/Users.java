package cn.yilianti.registry.identity;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.platform.web.FieldProblem;
import cn.yilianti.platform.web.ProblemException;
import cn.yilianti.registry.alliance.AllianceGrants;
import cn.yilianti.registry.alliance.AllianceRepository;
import cn.yilianti.registry.hospital.Hospital;
import cn.yilianti.registry.hospital.HospitalAccess;
import cn.yilianti.registry.hospital.HospitalRepository;
import cn.yilianti.registry.hospital.HospitalService;
import cn.yilianti.registry.security.Access;
import cn.yilianti.registry.security.Forbidden;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts. Alliance managers create and disable them for the hospitals and alliances they
 * manage; a disabled user cannot log in and their personal clients are revoked.
 */
@Service
public class Users implements AllianceGrants {

  private final UserRepository users;
  private final HospitalRepository hospitals;
  private final AllianceRepository alliances;
  private final Clients clients;
  private final PasswordEncoder encoder;

  Users(
      UserRepository users,
      HospitalRepository hospitals,
      AllianceRepository alliances,
      Clients clients,
      PasswordEncoder encoder) {
    this.users = users;
    this.hospitals = hospitals;
    this.alliances = alliances;
    this.clients = clients;
    this.encoder = encoder;
  }

  /** A new user and the password to hand over (generated unless one was given). */
  public record CreatedUser(User user, String password) {}

  @Transactional
  public CreatedUser create(UserRequest request, Caller caller) {
    validate(request);
    User user =
        new User(
            request.username(),
            EnumSet.copyOf(request.roles()),
            request.hospitalCode(),
            request.department(),
            List.copyOf(request.alliances()),
            true,
            Instant.now().truncatedTo(ChronoUnit.MICROS),
            caller.subject());
    requireMayManage(caller, user);
    if (users.find(user.username()).isPresent()) {
      throw ProblemException.conflict("duplicate-username", "User " + user.username() + " exists")
          .with("username", user.username());
    }
    String password = request.password() != null ? request.password() : Secrets.generate();
    users.insert(user, encoder.encode(password));
    return new CreatedUser(user, password);
  }

  @Transactional(readOnly = true)
  public User get(String username, Caller caller) {
    User user = find(username);
    if (!caller.subject().equals(username)) {
      requireMayManage(caller, user);
    }
    return user;
  }

  @Transactional(readOnly = true)
  public List<User> list(Caller caller) {
    HospitalAccess.requireMayWrite(caller, null, null);
    return users.all().stream().filter(u -> mayManage(caller, u)).toList();
  }

  @Transactional
  public User disable(String username, Caller caller) {
    User user = find(username);
    requireMayManage(caller, user);
    users.disable(username);
    clients.ofUser(username).forEach(c -> clients.revokeNow(c.clientId(), caller.subject()));
    return find(username);
  }

  @Transactional
  public IssuedSecret personalClient(String username, Caller caller) {
    User user = find(username);
    requireMayManage(caller, user);
    if (!user.enabled()) {
      throw ProblemException.conflict("disabled", "User " + username + " is disabled");
    }
    return clients.registerPersonal(username, caller);
  }

  /** The creator of an alliance manages it from their next token on. */
  @Override
  @Transactional
  public void grant(String username, String alliance) {
    users.addAlliance(username, alliance);
  }

  /** Replaces the password (seed data, when the demo credentials file is rewritten). */
  @Transactional
  void resetPassword(String username, String password) {
    users.setPassword(username, encoder.encode(password));
  }

  @Transactional(readOnly = true)
  boolean passwordMatches(String username, String password) {
    return users.passwordHash(username).map(h -> encoder.matches(password, h)).orElse(false);
  }

  Optional<User> findOptional(String username) {
    return users.find(username);
  }

  User find(String username) {
    return users.find(username).orElseThrow(() -> ProblemException.notFound("User", username));
  }

  private void requireMayManage(Caller caller, User user) {
    HospitalAccess.requireMayWrite(caller, null, null);
    if (!mayManage(caller, user)) {
      throw Forbidden.because(
          "You manage neither the hospital nor the alliances of " + user.username());
    }
  }

  /**
   * A manager manages users of hospitals in their alliances, managers of a subset of their
   * alliances, and operators.
   */
  private boolean mayManage(Caller caller, User user) {
    if (Access.isSystem(caller)) {
      return true;
    }
    if (!user.alliances().stream().allMatch(a -> Access.manages(caller, a))) {
      return false;
    }
    String code = user.hospitalCode();
    if (code == null) {
      return true;
    }
    Hospital hospital = hospitals.find(code).orElse(null);
    return hospital != null
        && hospital.memberships().stream().anyMatch(m -> Access.manages(caller, m.allianceCode()));
  }

  private void validate(UserRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<Role> roles = request.roles();
    if (roles.contains(Role.HIS_CLIENT)) {
      problems.add(
          new FieldProblem("roles", "not-a-user-role", "HIS_CLIENT is for registered clients"));
    }
    @Nullable String hospital = request.hospitalCode();
    if (roles.contains(Role.COORDINATOR) && hospital == null) {
      problems.add(
          new FieldProblem("hospitalCode", "required", "a coordinator belongs to a hospital"));
    }
    if (hospital != null && hospitals.find(hospital).isEmpty()) {
      problems.add(new FieldProblem("hospitalCode", "unknown-hospital", "no hospital " + hospital));
    }
    Set<String> known = alliances.codes();
    for (int i = 0; i < request.alliances().size(); i++) {
      if (!known.contains(request.alliances().get(i))) {
        problems.add(
            new FieldProblem(
                "alliances[" + i + "]",
                "unknown-alliance",
                "no alliance " + request.alliances().get(i)));
      }
    }
    if (!problems.isEmpty()) {
      throw HospitalService.invalid(problems);
    }
  }
}
