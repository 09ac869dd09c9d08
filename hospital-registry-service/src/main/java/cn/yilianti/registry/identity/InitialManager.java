package cn.yilianti.registry.identity;

import cn.yilianti.platform.security.Role;
import cn.yilianti.registry.security.Access;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * A registry without seed data has no one to log in: {@code registry.identity.initial-manager}
 * names an alliance manager created at the first start (it may found alliances), whose password and
 * personal client secret are logged once. Nothing happens when the user exists.
 */
@Component
class InitialManager implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(InitialManager.class);

  private final Users users;
  private final String username;

  InitialManager(Users users, @Value("${registry.identity.initial-manager:}") String username) {
    this.users = users;
    this.username = username;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (username.isBlank() || users.findOptional(username).isPresent()) {
      return;
    }
    var caller = Access.system("initial-manager");
    String password =
        users
            .create(
                new UserRequest(
                    username, null, Set.of(Role.ALLIANCE_MANAGER), null, null, List.of()),
                caller)
            .password();
    IssuedSecret client = users.personalClient(username, caller);
    log.warn(
        "Created the initial alliance manager '{}' (password {}; client {} secret {}, token"
            + " endpoint {}). Keep these safe: they are shown only now.",
        username,
        password,
        client.clientId(),
        client.clientSecret(),
        client.tokenEndpoint());
  }
}
