package cn.yilianti.registry.hospital;

import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.events.registry.CoordinatorRole;
import cn.yilianti.events.registry.HospitalKind;
import cn.yilianti.events.registry.HospitalLevel;
import cn.yilianti.events.registry.MembershipRole;
import cn.yilianti.registry.web.Codes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A member institution as an alliance manager (or an import row) describes it. Lists left out are
 * empty; the status is changed by suspending and reactivating, never here.
 */
public record HospitalRequest(
    @NotBlank @Size(max = 64) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
    @NotBlank @Size(max = 200) String nameZh,
    @NotBlank @Size(max = 200) String nameEn,
    @NotNull HospitalLevel level,
    @NotNull HospitalKind kind,
    @NotNull @Valid RegionInput region,
    @Nullable @Size(max = 64) @Pattern(regexp = CODE, message = CODE_MESSAGE) String parentCode,
    @NotEmpty @Size(max = 20) List<@NotNull @Valid MembershipInput> memberships,
    @Size(max = 50)
        List<@NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String> agreementHospitals,
    @Size(max = 100)
        List<@NotBlank @Size(max = 64) @Pattern(regexp = CODE, message = CODE_MESSAGE) String>
            departments,
    @Valid CapabilitiesInput capabilities,
    @NotNull @Min(0) @Max(50_000) Integer bedCapacity,
    @Size(max = 50) List<@NotNull @Valid CoordinatorInput> coordinators,
    @Size(max = 20) List<@NotNull @Valid ContactInput> endpoints,
    Boolean synthetic) {

  static final String CODE = Codes.PATTERN;
  static final String CODE_MESSAGE = Codes.MESSAGE;

  public HospitalRequest {
    memberships = memberships == null ? List.of() : memberships;
    agreementHospitals = agreementHospitals == null ? List.of() : agreementHospitals;
    departments = departments == null ? List.of() : departments;
    capabilities = capabilities == null ? new CapabilitiesInput(false, Set.of()) : capabilities;
    coordinators = coordinators == null ? List.of() : coordinators;
    endpoints = endpoints == null ? List.of() : endpoints;
    synthetic = Boolean.TRUE.equals(synthetic);
  }

  /** GB/T 2260 codes of the province, city (prefecture) and county (district). */
  public record RegionInput(
      @NotBlank @Pattern(regexp = GB2260, message = GB2260_MESSAGE) String provinceCode,
      @NotBlank @Pattern(regexp = GB2260, message = GB2260_MESSAGE) String cityCode,
      @NotBlank @Pattern(regexp = GB2260, message = GB2260_MESSAGE) String countyCode) {

    static final String GB2260 = "^[1-9][0-9]{5}$";
    static final String GB2260_MESSAGE = "must be a six-digit GB/T 2260 code";
  }

  public record MembershipInput(
      @NotBlank @Size(max = 64) @Pattern(regexp = CODE, message = CODE_MESSAGE) String allianceCode,
      @NotNull MembershipRole role,
      @NotNull LocalDate joinedOn,
      @Nullable LocalDate leftOn) {}

  public record CapabilitiesInput(Boolean greenChannel, Set<ConsultationType> consultations) {
    public CapabilitiesInput {
      greenChannel = Boolean.TRUE.equals(greenChannel);
      consultations = consultations == null ? Set.of() : consultations;
    }
  }

  public record CoordinatorInput(
      @NotBlank @Size(max = 64) @Pattern(regexp = CODE, message = CODE_MESSAGE) String id,
      @NotBlank @Size(max = 100) String name,
      @NotNull CoordinatorRole role,
      @Nullable @Size(max = 64) @Pattern(regexp = CODE, message = CODE_MESSAGE) String department,
      @Size(max = 10) List<@NotNull @Valid ContactInput> contacts) {
    public CoordinatorInput {
      contacts = contacts == null ? List.of() : contacts;
    }
  }

  /** A channel and its address: a URL for webhooks and robots, an e-mail address, a phone. */
  public record ContactInput(
      @NotNull ChannelType channel, @NotBlank @Size(max = 500) String address) {}
}
