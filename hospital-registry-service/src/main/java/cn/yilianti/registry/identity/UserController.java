package cn.yilianti.registry.identity;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.registry.identity.Users.CreatedUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff accounts and their personal clients; {@code /me} shows what the caller's token says. */
@RestController
class UserController {

  private final Users users;

  UserController(Users users) {
    this.users = users;
  }

  @PostMapping("/api/v1/users")
  ResponseEntity<CreatedUser> create(@Valid @RequestBody UserRequest request, Caller caller) {
    CreatedUser created = users.create(request, caller);
    return ResponseEntity.created(URI.create("/api/v1/users/" + created.user().username()))
        .body(created);
  }

  @GetMapping("/api/v1/users")
  List<User> list(Caller caller) {
    return users.list(caller);
  }

  @GetMapping("/api/v1/users/{username}")
  User get(@PathVariable String username, Caller caller) {
    return users.get(username, caller);
  }

  /** The user can no longer log in and their personal clients are revoked. */
  @PostMapping("/api/v1/users/{username}/disable")
  User disable(@PathVariable String username, Caller caller) {
    return users.disable(username, caller);
  }

  /**
   * A client-credentials client bound to the user, for scripts: its tokens carry the user's
   * subject, roles, hospital and alliances. The secret is shown once.
   */
  @PostMapping("/api/v1/users/{username}/clients")
  ResponseEntity<IssuedSecret> personalClient(@PathVariable String username, Caller caller) {
    IssuedSecret issued = users.personalClient(username, caller);
    return ResponseEntity.created(URI.create("/api/v1/clients/" + issued.clientId())).body(issued);
  }

  @GetMapping("/api/v1/me")
  Caller me(Caller caller) {
    return caller;
  }
}
