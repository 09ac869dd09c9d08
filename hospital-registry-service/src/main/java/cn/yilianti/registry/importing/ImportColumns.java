package cn.yilianti.registry.importing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of an import file (JSON rows use the same names). Lists are separated by {@code ;};
 * endpoints are {@code CHANNEL:address}. A column left out of the file keeps each hospital's
 * current value (nothing, for a new one).
 */
final class ImportColumns {

  static final String CODE = "code";
  static final String NAME_ZH = "nameZh";
  static final String NAME_EN = "nameEn";
  static final String LEVEL = "level";
  static final String KIND = "kind";
  static final String PROVINCE = "provinceCode";
  static final String CITY = "cityCode";
  static final String COUNTY = "countyCode";
  static final String PARENT = "parentCode";
  static final String ROLE = "membershipRole";
  static final String JOINED = "joinedOn";
  static final String LEFT = "leftOn";
  static final String DEPARTMENTS = "departments";
  static final String GREEN_CHANNEL = "greenChannel";
  static final String CONSULTATIONS = "consultations";
  static final String BEDS = "bedCapacity";
  static final String AGREEMENTS = "agreementHospitals";
  static final String ENDPOINTS = "endpoints";
  static final String COORDINATORS = "coordinators";
  static final String SYNTHETIC = "synthetic";

  /** Marks a CSV record whose number of cells differs from the header's. */
  static final String ROW_SHAPE = "__shape";

  static final Set<String> REQUIRED =
      new LinkedHashSet<>(List.of(CODE, NAME_ZH, NAME_EN, LEVEL, KIND, PROVINCE, CITY, COUNTY));

  static final Set<String> CSV =
      new LinkedHashSet<>(
          List.of(
              CODE,
              NAME_ZH,
              NAME_EN,
              LEVEL,
              KIND,
              PROVINCE,
              CITY,
              COUNTY,
              PARENT,
              ROLE,
              JOINED,
              LEFT,
              DEPARTMENTS,
              GREEN_CHANNEL,
              CONSULTATIONS,
              BEDS,
              AGREEMENTS,
              ENDPOINTS,
              SYNTHETIC));

  /** Fields of the API's request that have another name in the file. */
  private static final Map<String, String> RENAMED =
      Map.of(
          "region.provinceCode", PROVINCE,
          "region.cityCode", CITY,
          "region.countyCode", COUNTY,
          "capabilities.greenChannel", GREEN_CHANNEL,
          "capabilities.consultations", CONSULTATIONS);

  /**
   * The file's name for a field path of the request; {@code membership} is the index of the
   * imported alliance's membership, whose fields are columns of their own.
   */
  static String of(String path, int membership) {
    String prefix = "memberships[" + membership + "].";
    if (path.startsWith(prefix)) {
      return switch (path.substring(prefix.length())) {
        case "role" -> ROLE;
        case "joinedOn" -> JOINED;
        case "leftOn" -> LEFT;
        default -> ROLE;
      };
    }
    for (Map.Entry<String, String> renamed : RENAMED.entrySet()) {
      if (path.startsWith(renamed.getKey())) {
        return renamed.getValue() + path.substring(renamed.getKey().length());
      }
    }
    return path;
  }

  private ImportColumns() {}
}
