package cn.yilianti.registry.alliance;

import cn.yilianti.registry.web.Codes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An alliance as a manager describes it. */
public record AllianceRequest(
    @NotBlank @Size(max = 64) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
    @NotBlank @Size(max = 200) String nameZh,
    @NotBlank @Size(max = 200) String nameEn,
    @NotNull AllianceKind kind,
    @Nullable @Size(max = 2000) String description) {}
