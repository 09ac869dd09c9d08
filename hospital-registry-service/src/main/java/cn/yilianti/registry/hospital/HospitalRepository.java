package cn.yilianti.registry.hospital;

import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.registry.Contact;
import cn.yilianti.events.registry.Coordinator;
import cn.yilianti.events.registry.HospitalKind;
import cn.yilianti.events.registry.HospitalLevel;
import cn.yilianti.events.registry.HospitalStatus;
import cn.yilianti.events.registry.Membership;
import cn.yilianti.events.registry.MembershipRole;
import cn.yilianti.events.registry.Region;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Hospitals and their memberships, with explicit SQL. */
@Repository
public class HospitalRepository {

  private static final TypeReference<List<Coordinator>> COORDINATORS = new TypeReference<>() {};
  private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  HospitalRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public Optional<Hospital> find(String code) {
    return select("where h.code = :code", Map.of("code", code)).stream().findFirst();
  }

  /** Reads and row-locks the hospital until the transaction ends. */
  Optional<Hospital> findForUpdate(String code) {
    return select("where h.code = :code for update of h", Map.of("code", code)).stream()
        .findFirst();
  }

  public List<Hospital> all() {
    return select("order by h.code", Map.of());
  }

  public List<Hospital> findAll(Collection<String> codes) {
    if (codes.isEmpty()) {
      return List.of();
    }
    return select("where h.code = any(:codes)", Map.of("codes", codes.toArray(String[]::new)));
  }

  /** Level and parent of each hospital: what the hierarchy rules read. */
  public Map<String, Node> nodes() {
    Map<String, Node> nodes = new HashMap<>();
    jdbc.sql("select code, level, parent_code from hospital")
        .query(
            rs -> {
              nodes.put(
                  rs.getString("code"),
                  new Node(
                      HospitalLevel.valueOf(rs.getString("level")), rs.getString("parent_code")));
            });
    return nodes;
  }

  /** Codes of hospitals whose agreements list {@code code}. */
  List<String> agreementsNaming(String code) {
    return jdbc.sql(
            "select code from hospital where :code = any(agreement_hospitals) order by code")
        .param("code", code)
        .query(String.class)
        .list();
  }

  List<String> childrenOf(String code) {
    return jdbc.sql("select code from hospital where parent_code = :code order by code")
        .param("code", code)
        .query(String.class)
        .list();
  }

  void insert(Hospital h) {
    jdbc.sql(
            """
            insert into hospital (code, name_zh, name_en, level, kind, province_code, city_code,
              county_code, parent_code, agreement_hospitals, departments, green_channel,
              consultations, bed_capacity, coordinators, endpoints, status, synthetic, revision,
              created_at, updated_at)
            values (:code, :nameZh, :nameEn, :level, :kind, :province, :city, :county, :parent,
              :agreements, :departments, :greenChannel, :consultations, :beds,
              cast(:coordinators as jsonb), cast(:endpoints as jsonb), :status, :synthetic,
              :revision, :createdAt, :updatedAt)
            """)
        .params(columns(h))
        .update();
    insertMemberships(h);
  }

  void update(Hospital h) {
    jdbc.sql(
            """
            update hospital set name_zh = :nameZh, name_en = :nameEn, level = :level, kind = :kind,
              province_code = :province, city_code = :city, county_code = :county,
              parent_code = :parent, agreement_hospitals = :agreements, departments = :departments,
              green_channel = :greenChannel, consultations = :consultations, bed_capacity = :beds,
              coordinators = cast(:coordinators as jsonb), endpoints = cast(:endpoints as jsonb),
              status = :status, synthetic = :synthetic, revision = :revision,
              updated_at = :updatedAt
            where code = :code
            """)
        .params(columns(h))
        .update();
    jdbc.sql("delete from membership where hospital_code = :code").param("code", h.code()).update();
    insertMemberships(h);
  }

  void delete(String code) {
    jdbc.sql("delete from hospital where code = :code").param("code", code).update();
  }

  private void insertMemberships(Hospital h) {
    for (Membership m : h.memberships()) {
      jdbc.sql(
              """
              insert into membership (hospital_code, alliance_code, role, joined_on, left_on)
              values (:code, :alliance, :role, :joined, :left)
              """)
          .param("code", h.code())
          .param("alliance", m.allianceCode())
          .param("role", m.role().name())
          .param("joined", m.joinedOn())
          .param("left", m.leftOn())
          .update();
    }
  }

  private Map<String, Object> columns(Hospital h) {
    Map<String, Object> p = new HashMap<>();
    p.put("code", h.code());
    p.put("nameZh", h.nameZh());
    p.put("nameEn", h.nameEn());
    p.put("level", h.level().name());
    p.put("kind", h.kind().name());
    p.put("province", h.region().provinceCode());
    p.put("city", h.region().cityCode());
    p.put("county", h.region().countyCode());
    p.put("parent", h.parentCode());
    p.put("agreements", h.agreementHospitals().toArray(String[]::new));
    p.put("departments", h.departments().toArray(String[]::new));
    p.put("greenChannel", h.capabilities().greenChannel());
    p.put(
        "consultations",
        h.capabilities().consultations().stream().map(Enum::name).toArray(String[]::new));
    p.put("beds", h.bedCapacity());
    p.put("coordinators", json.writeValueAsString(h.coordinators()));
    p.put("endpoints", json.writeValueAsString(h.endpoints()));
    p.put("status", h.status().name());
    p.put("synthetic", h.synthetic());
    p.put("revision", h.revision());
    p.put("createdAt", Timestamp.from(h.createdAt()));
    p.put("updatedAt", Timestamp.from(h.updatedAt()));
    return p;
  }

  /** Hospitals of {@code select h.* from hospital h <tail>}, with their memberships. */
  List<Hospital> select(String tail, Map<String, ?> params) {
    List<Hospital> rows =
        jdbc.sql("select h.* from hospital h " + tail).params(params).query(this::row).list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<Membership>> memberships =
        memberships(rows.stream().map(Hospital::code).toList());
    return rows.stream()
        .map(h -> withMemberships(h, memberships.getOrDefault(h.code(), List.of())))
        .toList();
  }

  private Map<String, List<Membership>> memberships(List<String> codes) {
    Map<String, List<Membership>> byHospital = new LinkedHashMap<>();
    jdbc.sql(
            """
            select * from membership where hospital_code = any(:codes)
            order by hospital_code, joined_on, alliance_code
            """)
        .param("codes", codes.toArray(String[]::new))
        .query(
            rs -> {
              byHospital
                  .computeIfAbsent(rs.getString("hospital_code"), k -> new ArrayList<>())
                  .add(
                      new Membership(
                          rs.getString("alliance_code"),
                          MembershipRole.valueOf(rs.getString("role")),
                          rs.getObject("joined_on", java.time.LocalDate.class),
                          rs.getObject("left_on", java.time.LocalDate.class)));
            });
    return byHospital.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
  }

  private Hospital row(ResultSet rs, int n) throws SQLException {
    return new Hospital(
        rs.getString("code"),
        rs.getString("name_zh"),
        rs.getString("name_en"),
        HospitalLevel.valueOf(rs.getString("level")),
        HospitalKind.valueOf(rs.getString("kind")),
        new Region(
            rs.getString("province_code"), rs.getString("city_code"), rs.getString("county_code")),
        rs.getString("parent_code"),
        List.of(),
        strings(rs.getArray("agreement_hospitals")),
        strings(rs.getArray("departments")),
        HospitalMapper.capabilities(
            rs.getBoolean("green_channel"),
            strings(rs.getArray("consultations")).stream()
                .map(ConsultationType::valueOf)
                .collect(Collectors.toSet())),
        rs.getInt("bed_capacity"),
        json.readValue(rs.getString("coordinators"), COORDINATORS),
        json.readValue(rs.getString("endpoints"), CONTACTS),
        HospitalStatus.valueOf(rs.getString("status")),
        rs.getBoolean("synthetic"),
        rs.getLong("revision"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static List<String> strings(@Nullable Array array) throws SQLException {
    return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
  }

  private static Hospital withMemberships(Hospital h, List<Membership> list) {
    return new Hospital(
        h.code(),
        h.nameZh(),
        h.nameEn(),
        h.level(),
        h.kind(),
        h.region(),
        h.parentCode(),
        list,
        h.agreementHospitals(),
        h.departments(),
        h.capabilities(),
        h.bedCapacity(),
        h.coordinators(),
        h.endpoints(),
        h.status(),
        h.synthetic(),
        h.revision(),
        h.createdAt(),
        h.updatedAt());
  }

  /** A hospital's place in the hierarchy. */
  public record Node(HospitalLevel level, @Nullable String parentCode) {}
}
