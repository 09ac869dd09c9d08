package cn.yilianti.registry.identity;

import cn.yilianti.platform.security.Role;
import cn.yilianti.registry.web.Codes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A staff account to create. Without a password one is generated and shown once. Coordinators
 * belong to a hospital; managers list the alliances they manage.
 */
public record UserRequest(
    @NotBlank
        @Size(min = 3, max = 64)
        @Pattern(
            regexp = "^[a-z0-9][a-z0-9._-]*$",
            message = "must be lower-case letters, digits, '.', '_' or '-'")
        String username,
    @Nullable @Size(min = 12, max = 128) String password,
    @NotEmpty Set<@NotNull Role> roles,
    @Nullable @Size(max = 64) @Pattern(regexp = Codes.PATTERN) String hospitalCode,
    @Nullable @Size(max = 64) @Pattern(regexp = Codes.PATTERN) String department,
    @Size(max = 20) List<@NotBlank @Pattern(regexp = Codes.PATTERN) String> alliances) {

  public UserRequest {
    alliances = alliances == null ? List.of() : alliances;
  }
}
