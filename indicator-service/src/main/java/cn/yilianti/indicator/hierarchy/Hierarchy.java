package cn.yilianti.indicator.hierarchy;

import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.events.registry.Membership;
import cn.yilianti.platform.registry.HospitalDirectory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Alliances, provinces and parent hospitals from the registry read model. Counts are stored per
 * hospital; scopes are resolved here at query time, so a registry change never restates a count.
 */
@Component
public class Hierarchy {

  public static final String UNKNOWN = "UNKNOWN";

  private final HospitalDirectory directory;

  public Hierarchy(HospitalDirectory directory) {
    this.directory = directory;
  }

  public Optional<HospitalStateChanged> hospital(String code) {
    return directory.find(code);
  }

  /** Alliances the hospital is a current member of. */
  public SortedSet<String> alliances(String code) {
    SortedSet<String> alliances = new TreeSet<>();
    directory
        .find(code)
        .ifPresent(
            h ->
                h.memberships().stream()
                    .filter(m -> m.leftOn() == null)
                    .map(Membership::allianceCode)
                    .forEach(alliances::add));
    return alliances;
  }

  /** The alliance a case between two hospitals runs in: the lowest code they share. */
  public String allianceOf(String hospital, String counterpart) {
    SortedSet<String> shared = alliances(hospital);
    shared.retainAll(alliances(counterpart));
    if (!shared.isEmpty()) {
      return shared.first();
    }
    SortedSet<String> own = alliances(hospital);
    return own.isEmpty() ? UNKNOWN : own.first();
  }

  public Set<String> membersOf(String alliance) {
    Set<String> members = new TreeSet<>();
    for (HospitalStateChanged h : directory.all()) {
      if (h.memberships().stream()
          .anyMatch(m -> m.leftOn() == null && m.allianceCode().equals(alliance))) {
        members.add(h.code());
      }
    }
    return members;
  }

  public Set<String> inProvince(String province) {
    Set<String> hospitals = new TreeSet<>();
    directory.all().stream()
        .filter(h -> h.region().provinceCode().equals(province))
        .forEach(h -> hospitals.add(h.code()));
    return hospitals;
  }

  /** The hospital and every hospital below it by parent code (county → townships → villages). */
  public Set<String> withSubordinates(String code) {
    Set<String> result = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(code);
    while (!todo.isEmpty()) {
      String next = todo.poll();
      if (result.add(next)) {
        directory.all().stream()
            .filter(h -> next.equals(h.parentCode()))
            .forEach(h -> todo.add(h.code()));
      }
    }
    return result;
  }

  public boolean knowsAlliance(String alliance) {
    return !membersOf(alliance).isEmpty();
  }
}
