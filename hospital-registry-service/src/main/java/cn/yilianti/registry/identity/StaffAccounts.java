package cn.yilianti.registry.identity;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Form login (authorization code with PKCE) reads staff accounts from the registry's table. */
class StaffAccounts implements UserDetailsService {

  private final UserRepository users;

  StaffAccounts(UserRepository users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    cn.yilianti.registry.identity.User user =
        users.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    String hash =
        users.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException(username));
    return User.withUsername(username)
        .password(hash)
        .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
        .disabled(!user.enabled())
        .build();
  }
}
