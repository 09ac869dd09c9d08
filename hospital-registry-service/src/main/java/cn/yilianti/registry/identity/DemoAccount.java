package cn.yilianti.registry.identity;

import cn.yilianti.platform.security.Role;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A demo principal the seed makes: an HIS client of {@code hospitalCode}, or a user (with a
 * personal client) of {@code username}.
 */
public record DemoAccount(
    Role role,
    @Nullable String hospitalCode,
    @Nullable String username,
    @Nullable String department,
    List<String> alliances) {

  public DemoAccount {
    alliances = alliances == null ? List.of() : alliances;
  }
}
