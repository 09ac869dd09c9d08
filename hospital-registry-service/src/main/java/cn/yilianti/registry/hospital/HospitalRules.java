package cn.yilianti.registry.hospital;

import cn.yilianti.platform.web.FieldProblem;
import cn.yilianti.registry.hospital.HospitalRepository.Node;
import cn.yilianti.registry.hospital.HospitalRequest.ContactInput;
import cn.yilianti.registry.hospital.HospitalRequest.MembershipInput;
import cn.yilianti.registry.hospital.HospitalRequest.RegionInput;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The model rules that need more than one field or the rest of the registry: region codes nest,
 * memberships name known alliances once, the hierarchy has no cycle and every parent is of a higher
 * level than its children, agreements name other known hospitals, addresses suit their channel. The
 * API and the import both apply them; each problem names its field and rule.
 */
public final class HospitalRules {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 -]{5,19}$");

  /**
   * Problems of {@code r} against the registry's hospitals ({@code nodes}: level and parent by
   * code, including hospitals being imported alongside) and known alliance codes.
   */
  public static List<FieldProblem> check(
      HospitalRequest r, Map<String, Node> nodes, Set<String> alliances) {
    List<FieldProblem> problems = new ArrayList<>();
    region(r.region(), problems);
    memberships(r.memberships(), alliances, problems);
    Map<String, Node> after = new HashMap<>(nodes);
    after.put(r.code(), new Node(r.level(), r.parentCode()));
    hierarchy(r, after, problems);
    agreements(r, nodes, problems);
    unique("departments", r.departments(), problems);
    unique("coordinators", r.coordinators().stream().map(c -> c.id()).toList(), problems);
    for (int i = 0; i < r.coordinators().size(); i++) {
      contacts("coordinators[" + i + "].contacts", r.coordinators().get(i).contacts(), problems);
    }
    contacts("endpoints", r.endpoints(), problems);
    return problems;
  }

  private static void region(RegionInput region, List<FieldProblem> problems) {
    String province = region.provinceCode();
    String city = region.cityCode();
    String county = region.countyCode();
    if (!province.endsWith("0000")) {
      problems.add(
          new FieldProblem(
              "region.provinceCode", "region-hierarchy", "a province code ends in 0000"));
    }
    if (!city.startsWith(province.substring(0, 2))
        || !city.endsWith("00")
        || city.equals(province)) {
      problems.add(
          new FieldProblem(
              "region.cityCode",
              "region-hierarchy",
              "must be a city code (ending in 00) inside province " + province));
    }
    if (!county.startsWith(city.substring(0, 4)) || county.equals(city)) {
      problems.add(
          new FieldProblem(
              "region.countyCode",
              "region-hierarchy",
              "must be a county code inside city " + city));
    }
  }

  private static void memberships(
      List<MembershipInput> memberships, Set<String> alliances, List<FieldProblem> problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < memberships.size(); i++) {
      MembershipInput m = memberships.get(i);
      String path = "memberships[" + i + "]";
      if (!seen.add(m.allianceCode())) {
        problems.add(
            new FieldProblem(path + ".allianceCode", "duplicate", "one membership per alliance"));
      } else if (!alliances.contains(m.allianceCode())) {
        problems.add(
            new FieldProblem(
                path + ".allianceCode",
                "unknown-alliance",
                "no alliance " + m.allianceCode() + " in the registry"));
      }
      if (m.leftOn() != null && !m.leftOn().isAfter(m.joinedOn())) {
        problems.add(new FieldProblem(path + ".leftOn", "after-joined", "must be after joinedOn"));
      }
    }
  }

  private static void hierarchy(
      HospitalRequest r, Map<String, Node> nodes, List<FieldProblem> problems) {
    String parent = r.parentCode();
    if (parent != null) {
      Node parentNode = nodes.get(parent);
      if (parent.equals(r.code())) {
        problems.add(new FieldProblem("parentCode", "self", "a hospital is not its own parent"));
      } else if (parentNode == null) {
        problems.add(
            new FieldProblem(
                "parentCode", "unknown-hospital", "no hospital " + parent + " in the registry"));
      } else if (!parentNode.level().isAbove(r.level())) {
        problems.add(
            new FieldProblem(
                "parentCode",
                "parent-level",
                "the parent ("
                    + parentNode.level()
                    + ") must be of a higher level than the hospital ("
                    + r.level()
                    + ")"));
      } else if (reachesItself(r.code(), nodes)) {
        problems.add(
            new FieldProblem(
                "parentCode",
                "cycle",
                parent + " is below " + r.code() + " in the hierarchy: that would be a cycle"));
      }
    }
    nodes.forEach(
        (code, node) -> {
          if (r.code().equals(node.parentCode())
              && !code.equals(r.code())
              && !r.level().isAbove(node.level())) {
            problems.add(
                new FieldProblem(
                    "level",
                    "parent-level",
                    "must stay above the level of its child " + code + " (" + node.level() + ")"));
          }
        });
  }

  private static boolean reachesItself(String code, Map<String, Node> nodes) {
    Set<String> seen = new HashSet<>();
    Node node = nodes.get(code);
    String next = node == null ? null : node.parentCode();
    while (next != null && seen.add(next)) {
      if (next.equals(code)) {
        return true;
      }
      Node up = nodes.get(next);
      next = up == null ? null : up.parentCode();
    }
    return false;
  }

  private static void agreements(
      HospitalRequest r, Map<String, Node> nodes, List<FieldProblem> problems) {
    unique("agreementHospitals", r.agreementHospitals(), problems);
    for (int i = 0; i < r.agreementHospitals().size(); i++) {
      String other = r.agreementHospitals().get(i);
      if (other.equals(r.code())) {
        problems.add(
            new FieldProblem(
                "agreementHospitals[" + i + "]", "self", "an agreement is with another hospital"));
      } else if (!nodes.containsKey(other)) {
        problems.add(
            new FieldProblem(
                "agreementHospitals[" + i + "]",
                "unknown-hospital",
                "no hospital " + other + " in the registry"));
      }
    }
  }

  private static void unique(String field, List<String> values, List<FieldProblem> problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      if (!seen.add(values.get(i))) {
        problems.add(
            new FieldProblem(
                field + "[" + i + "]", "duplicate", values.get(i) + " is listed twice"));
      }
    }
  }

  private static void contacts(
      String path, List<ContactInput> contacts, List<FieldProblem> problems) {
    for (int i = 0; i < contacts.size(); i++) {
      ContactInput c = contacts.get(i);
      String field = path + "[" + i + "].address";
      switch (c.channel()) {
        case WEBHOOK, WECOM, DINGTALK -> {
          if (!isHttpUrl(c.address())) {
            problems.add(new FieldProblem(field, "url", "must be an http or https URL"));
          }
        }
        case EMAIL -> {
          if (!EMAIL.matcher(c.address()).matches()) {
            problems.add(new FieldProblem(field, "email", "must be an e-mail address"));
          }
        }
        case SMS -> {
          if (!PHONE.matcher(c.address()).matches()) {
            problems.add(new FieldProblem(field, "phone", "must be a phone number"));
          }
        }
      }
    }
  }

  static boolean isHttpUrl(String value) {
    try {
      URI uri = URI.create(value);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private HospitalRules() {}
}
