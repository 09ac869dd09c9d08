package cn.yilianti.registry.identity;

import cn.yilianti.platform.security.Role;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One line of the demo credentials file: what a script needs to get a token (client id, secret,
 * token endpoint) and, for users, the password for the browser login.
 */
public record DemoCredential(
    Role role,
    @Nullable String hospitalCode,
    @Nullable String username,
    @Nullable String password,
    String clientId,
    String clientSecret,
    String tokenEndpoint,
    List<String> alliances) {}
