package cn.yilianti.registry.importing;

import cn.yilianti.registry.hospital.HospitalRequest;
import cn.yilianti.registry.importing.ImportValidator.Checked;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The order rows are written in: parents before children, so the hierarchy's keys exist. */
final class ImportOrder {

  /** Good rows ordered so a parent in the file is written before its children. */
  static List<HospitalRequest> parentsFirst(List<Checked> checked) {
    List<HospitalRequest> pending =
        new ArrayList<>(checked.stream().filter(Checked::good).map(Checked::request).toList());
    Set<String> inFile = new HashSet<>();
    pending.forEach(r -> inFile.add(r.code()));
    List<HospitalRequest> ordered = new ArrayList<>();
    Set<String> written = new HashSet<>();
    while (!pending.isEmpty()) {
      List<HospitalRequest> ready =
          pending.stream()
              .filter(
                  r ->
                      r.parentCode() == null
                          || !inFile.contains(r.parentCode())
                          || written.contains(r.parentCode()))
              .toList();
      if (ready.isEmpty()) {
        ordered.addAll(pending);
        break;
      }
      ready.forEach(r -> written.add(r.code()));
      ordered.addAll(ready);
      pending.removeAll(ready);
    }
    return ordered;
  }

  private ImportOrder() {}
}
