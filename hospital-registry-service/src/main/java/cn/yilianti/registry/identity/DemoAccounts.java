package cn.yilianti.registry.identity;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.registry.security.Access;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Makes the seed's demo principals and hands back their credentials. Idempotent: credentials still
 * valid (the ones in the previous file) are kept; a missing principal is made and a secret or
 * password that no longer matches is replaced.
 */
@Service
public class DemoAccounts {

  private static final Caller SEED = Access.system("seed");

  private final Users users;
  private final Clients clients;
  private final ClientRepository clientRecords;
  private final IdentityProperties properties;

  DemoAccounts(
      Users users, Clients clients, ClientRepository clientRecords, IdentityProperties properties) {
    this.users = users;
    this.clients = clients;
    this.clientRecords = clientRecords;
    this.properties = properties;
  }

  public List<DemoCredential> ensure(List<DemoAccount> accounts, List<DemoCredential> previous) {
    Map<String, DemoCredential> known =
        previous.stream()
            .collect(Collectors.toMap(DemoCredential::clientId, Function.identity(), (a, b) -> b));
    List<DemoCredential> result = new ArrayList<>();
    for (DemoAccount account : accounts) {
      result.add(account.role() == Role.HIS_CLIENT ? his(account, known) : user(account, previous));
    }
    return result;
  }

  private DemoCredential his(DemoAccount account, Map<String, DemoCredential> known) {
    String hospital = account.hospitalCode();
    String clientId = "his-" + hospital.toLowerCase(Locale.ROOT);
    String secret =
        secretFor(
            clientId, known.get(clientId), () -> clients.registerHis(hospital, clientId, SEED));
    return new DemoCredential(
        Role.HIS_CLIENT,
        hospital,
        null,
        null,
        clientId,
        secret,
        properties.tokenEndpoint(),
        List.of());
  }

  private DemoCredential user(DemoAccount account, List<DemoCredential> previous) {
    String username = account.username();
    Optional<DemoCredential> before =
        previous.stream().filter(c -> username.equals(c.username())).findFirst();
    String password = before.map(DemoCredential::password).orElse(null);
    if (users.findOptional(username).isEmpty()) {
      password =
          users
              .create(
                  new UserRequest(
                      username,
                      null,
                      EnumSet.of(account.role()),
                      account.hospitalCode(),
                      account.department(),
                      account.alliances()),
                  SEED)
              .password();
    } else if (password == null || !users.passwordMatches(username, password)) {
      password = Secrets.generate();
      users.resetPassword(username, password);
    }
    ApiClient personal =
        clientRecords.ofUser(username).stream().filter(c -> !c.revoked()).findFirst().orElse(null);
    String clientId;
    String secret;
    if (personal == null) {
      IssuedSecret issued = users.personalClient(username, SEED);
      clientId = issued.clientId();
      secret = issued.clientSecret();
    } else {
      clientId = personal.clientId();
      DemoCredential old =
          before.filter(c -> c.clientId().equals(personal.clientId())).orElse(null);
      secret = secretFor(clientId, old, () -> users.personalClient(username, SEED));
    }
    return new DemoCredential(
        account.role(),
        account.hospitalCode(),
        username,
        password,
        clientId,
        secret,
        properties.tokenEndpoint(),
        account.alliances());
  }

  /** The previous secret if it still works, else a new one (rotated at once, or a new client). */
  private String secretFor(
      String clientId, @Nullable DemoCredential previous, Supplier<IssuedSecret> register) {
    Optional<ApiClient> existing = clientRecords.find(clientId);
    if (existing.isEmpty()) {
      return register.get().clientSecret();
    }
    if (previous != null && clients.authenticates(clientId, previous.clientSecret())) {
      return previous.clientSecret();
    }
    if (existing.get().revoked()) {
      throw new IllegalStateException(
          "Demo client " + clientId + " is revoked; remove it or the seed");
    }
    return clients.rotate(clientId, Duration.ZERO, SEED).clientSecret();
  }
}
