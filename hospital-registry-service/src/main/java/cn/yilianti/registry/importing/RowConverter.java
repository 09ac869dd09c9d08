package cn.yilianti.registry.importing;

import static cn.yilianti.registry.importing.ImportColumns.AGREEMENTS;
import static cn.yilianti.registry.importing.ImportColumns.BEDS;
import static cn.yilianti.registry.importing.ImportColumns.CITY;
import static cn.yilianti.registry.importing.ImportColumns.CODE;
import static cn.yilianti.registry.importing.ImportColumns.CONSULTATIONS;
import static cn.yilianti.registry.importing.ImportColumns.COORDINATORS;
import static cn.yilianti.registry.importing.ImportColumns.COUNTY;
import static cn.yilianti.registry.importing.ImportColumns.DEPARTMENTS;
import static cn.yilianti.registry.importing.ImportColumns.ENDPOINTS;
import static cn.yilianti.registry.importing.ImportColumns.GREEN_CHANNEL;
import static cn.yilianti.registry.importing.ImportColumns.JOINED;
import static cn.yilianti.registry.importing.ImportColumns.KIND;
import static cn.yilianti.registry.importing.ImportColumns.LEFT;
import static cn.yilianti.registry.importing.ImportColumns.LEVEL;
import static cn.yilianti.registry.importing.ImportColumns.NAME_EN;
import static cn.yilianti.registry.importing.ImportColumns.NAME_ZH;
import static cn.yilianti.registry.importing.ImportColumns.PARENT;
import static cn.yilianti.registry.importing.ImportColumns.PROVINCE;
import static cn.yilianti.registry.importing.ImportColumns.ROLE;
import static cn.yilianti.registry.importing.ImportColumns.SYNTHETIC;

import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.registry.ChannelType;
import cn.yilianti.events.registry.Contact;
import cn.yilianti.events.registry.Coordinator;
import cn.yilianti.events.registry.HospitalKind;
import cn.yilianti.events.registry.HospitalLevel;
import cn.yilianti.events.registry.Membership;
import cn.yilianti.events.registry.MembershipRole;
import cn.yilianti.registry.hospital.Hospital;
import cn.yilianti.registry.hospital.HospitalRequest;
import cn.yilianti.registry.hospital.HospitalRequest.CapabilitiesInput;
import cn.yilianti.registry.hospital.HospitalRequest.ContactInput;
import cn.yilianti.registry.hospital.HospitalRequest.CoordinatorInput;
import cn.yilianti.registry.hospital.HospitalRequest.MembershipInput;
import cn.yilianti.registry.hospital.HospitalRequest.RegionInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one raw row into the request the API would take, merging it with the hospital's current
 * state: columns left out keep their value, memberships of other alliances are kept, and this
 * alliance's membership comes from the membership columns. Type errors become row errors.
 */
final class RowConverter {

  private static final TypeReference<List<CoordinatorInput>> COORDINATOR_LIST =
      new TypeReference<>() {};
  private static final TypeReference<List<ContactInput>> CONTACT_LIST = new TypeReference<>() {};

  private final String alliance;
  private final JsonMapper json;

  RowConverter(String alliance, JsonMapper json) {
    this.alliance = alliance;
    this.json = json;
  }

  /** The request, or the problems that stop the row from becoming one. */
  record Converted(@Nullable HospitalRequest request, int membershipIndex, List<RowError> errors) {}

  Converted convert(RawRow row, @Nullable Hospital current) {
    RowCells cells = new RowCells(row);
    if (row.cells().containsKey(ImportColumns.ROW_SHAPE)) {
      cells.error(
          "row",
          "columns",
          "has " + row.cells().get(ImportColumns.ROW_SHAPE) + " columns of the header");
      return new Converted(null, -1, cells.errors());
    }
    String code = cells.text(CODE, null);
    Membership mine =
        current == null
            ? null
            : current.memberships().stream()
                .filter(m -> m.allianceCode().equals(alliance))
                .findFirst()
                .orElse(null);
    List<MembershipInput> memberships = new ArrayList<>();
    if (current != null) {
      current.memberships().stream()
          .filter(m -> !m.allianceCode().equals(alliance))
          .forEach(
              m ->
                  memberships.add(
                      new MembershipInput(m.allianceCode(), m.role(), m.joinedOn(), m.leftOn())));
    }
    int membershipIndex = memberships.size();
    memberships.add(
        new MembershipInput(
            alliance,
            cells.parse(
                ROLE,
                mine == null ? null : mine.role(),
                v -> MembershipRole.valueOf(v.toUpperCase(Locale.ROOT)),
                "enum",
                "one of " + Arrays.toString(MembershipRole.values())),
            cells.parse(
                JOINED,
                mine == null ? null : mine.joinedOn(),
                LocalDate::parse,
                "date",
                "a date such as 2021-04-01"),
            cells.parse(
                LEFT,
                mine == null ? null : mine.leftOn(),
                LocalDate::parse,
                "date",
                "a date such as 2021-04-01")));
    HospitalRequest request =
        new HospitalRequest(
            code,
            cells.text(NAME_ZH, current == null ? null : current.nameZh()),
            cells.text(NAME_EN, current == null ? null : current.nameEn()),
            cells.parse(
                LEVEL,
                current == null ? null : current.level(),
                v -> HospitalLevel.valueOf(v.toUpperCase(Locale.ROOT)),
                "enum",
                "one of " + Arrays.toString(HospitalLevel.values())),
            cells.parse(
                KIND,
                current == null ? null : current.kind(),
                v -> HospitalKind.valueOf(v.toUpperCase(Locale.ROOT)),
                "enum",
                "one of " + Arrays.toString(HospitalKind.values())),
            new RegionInput(
                cells.text(PROVINCE, current == null ? null : current.region().provinceCode()),
                cells.text(CITY, current == null ? null : current.region().cityCode()),
                cells.text(COUNTY, current == null ? null : current.region().countyCode())),
            cells.text(PARENT, current == null ? null : current.parentCode()),
            memberships,
            cells.list(
                AGREEMENTS,
                current == null ? List.of() : current.agreementHospitals(),
                v -> v,
                null),
            cells.list(
                DEPARTMENTS, current == null ? List.of() : current.departments(), v -> v, null),
            new CapabilitiesInput(
                cells.parse(
                    GREEN_CHANNEL,
                    current != null && current.capabilities().greenChannel(),
                    RowConverter::bool,
                    "boolean",
                    "true or false"),
                new LinkedHashSet<>(
                    cells.list(
                        CONSULTATIONS,
                        current == null
                            ? List.of()
                            : List.copyOf(current.capabilities().consultations()),
                        v -> ConsultationType.valueOf(v.toUpperCase(Locale.ROOT)),
                        "one of " + Arrays.toString(ConsultationType.values())))),
            cells.parse(
                BEDS,
                current == null ? 0 : current.bedCapacity(),
                Integer::valueOf,
                "integer",
                "a whole number"),
            coordinators(row, cells, current),
            endpoints(row, cells, current),
            cells.parse(
                SYNTHETIC,
                current != null && current.synthetic(),
                RowConverter::bool,
                "boolean",
                "true or false"));
    return new Converted(
        cells.errors().isEmpty() ? request : null, membershipIndex, cells.errors());
  }

  private List<CoordinatorInput> coordinators(
      RawRow row, RowCells cells, @Nullable Hospital current) {
    if (row.structured().containsKey(COORDINATORS)) {
      try {
        List<CoordinatorInput> list =
            json.treeToValue(row.structured().get(COORDINATORS), COORDINATOR_LIST);
        return list == null ? List.of() : list;
      } catch (JacksonException e) {
        cells.error(
            COORDINATORS, "type", "must be a list of coordinators: " + e.getOriginalMessage());
        return List.of();
      }
    }
    if (current == null) {
      return List.of();
    }
    return current.coordinators().stream()
        .map(
            (Coordinator c) ->
                new CoordinatorInput(
                    c.id(),
                    c.name(),
                    c.role(),
                    c.department(),
                    c.contacts().stream().map(RowConverter::input).toList()))
        .toList();
  }

  private List<ContactInput> endpoints(RawRow row, RowCells cells, @Nullable Hospital current) {
    if (row.structured().containsKey(ENDPOINTS)) {
      try {
        List<ContactInput> list = json.treeToValue(row.structured().get(ENDPOINTS), CONTACT_LIST);
        return list == null ? List.of() : list;
      } catch (JacksonException e) {
        cells.error(
            ENDPOINTS, "type", "must be a list of {channel, address}: " + e.getOriginalMessage());
        return List.of();
      }
    }
    return cells.list(
        ENDPOINTS,
        current == null
            ? List.of()
            : current.endpoints().stream().map(RowConverter::input).toList(),
        RowConverter::endpoint,
        "CHANNEL:address with CHANNEL one of " + Arrays.toString(ChannelType.values()));
  }

  private static ContactInput endpoint(String value) {
    int colon = value.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("no channel");
    }
    return new ContactInput(
        ChannelType.valueOf(value.substring(0, colon).trim().toUpperCase(Locale.ROOT)),
        value.substring(colon + 1).trim());
  }

  private static ContactInput input(Contact c) {
    return new ContactInput(c.channel(), c.address());
  }

  private static Boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1", "是" -> true;
      case "false", "no", "n", "0", "否" -> false;
      default -> throw new IllegalArgumentException(value);
    };
  }
}
