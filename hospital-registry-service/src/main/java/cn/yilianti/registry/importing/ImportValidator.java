package cn.yilianti.registry.importing;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.web.FieldProblem;
import cn.yilianti.platform.web.ProblemException;
import cn.yilianti.registry.alliance.AllianceRepository;
import cn.yilianti.registry.hospital.Hospital;
import cn.yilianti.registry.hospital.HospitalAccess;
import cn.yilianti.registry.hospital.HospitalRepository;
import cn.yilianti.registry.hospital.HospitalRepository.Node;
import cn.yilianti.registry.hospital.HospitalRequest;
import cn.yilianti.registry.hospital.HospitalRules;
import cn.yilianti.registry.importing.RowConverter.Converted;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every row of a file against the same rules as the API (bean validation, model rules,
 * access), with the file's own rows counted as part of the registry so parents may come in the same
 * file. A row below a rejected row is rejected too.
 */
@Component
class ImportValidator {

  private final HospitalRepository hospitals;
  private final AllianceRepository alliances;
  private final Validator validator;
  private final JsonMapper json;

  ImportValidator(
      HospitalRepository hospitals,
      AllianceRepository alliances,
      Validator validator,
      JsonMapper json) {
    this.hospitals = hospitals;
    this.alliances = alliances;
    this.validator = validator;
    this.json = json;
  }

  /** A row ready to import (no errors) or rejected. */
  record Checked(
      int line, @Nullable String code, @Nullable HospitalRequest request, List<RowError> errors) {
    boolean good() {
      return errors.isEmpty() && request != null;
    }
  }

  @Transactional(readOnly = true)
  List<Checked> check(List<RawRow> rows, String alliance, Caller caller, IntConsumer progress) {
    Set<String> codes =
        rows.stream()
            .map(r -> r.cells().get(ImportColumns.CODE))
            .filter(c -> c != null && !c.isEmpty())
            .collect(Collectors.toSet());
    Map<String, Hospital> current = new HashMap<>();
    hospitals.findAll(codes).forEach(h -> current.put(h.code(), h));
    RowConverter converter = new RowConverter(alliance, json);
    List<Converted> converted = new ArrayList<>();
    for (RawRow row : rows) {
      String code = row.cells().get(ImportColumns.CODE);
      converted.add(converter.convert(row, code == null ? null : current.get(code)));
    }
    Map<String, Node> nodes = new HashMap<>(hospitals.nodes());
    for (Converted c : converted) {
      HospitalRequest r = c.request();
      if (r != null && r.code() != null && r.level() != null) {
        nodes.put(r.code(), new Node(r.level(), r.parentCode()));
      }
    }
    Set<String> known = alliances.codes();
    Map<String, Integer> firstLine = new HashMap<>();
    List<Checked> checked = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      RawRow row = rows.get(i);
      Converted c = converted.get(i);
      List<RowError> errors = new ArrayList<>(c.errors());
      HospitalRequest request = c.request();
      String code = row.cells().get(ImportColumns.CODE);
      if (code != null && !code.isEmpty()) {
        Integer first = firstLine.putIfAbsent(code, row.line());
        if (first != null) {
          errors.add(
              error(row, ImportColumns.CODE, "duplicate", code + " is already on line " + first));
        }
      }
      if (request != null && errors.isEmpty()) {
        errors.addAll(validate(row, request, c.membershipIndex(), nodes, known));
      }
      if (request != null && errors.isEmpty()) {
        try {
          HospitalAccess.requireMayWrite(caller, current.get(request.code()), request);
        } catch (ProblemException e) {
          errors.add(error(row, ImportColumns.CODE, "forbidden", e.getMessage()));
        }
      }
      checked.add(new Checked(row.line(), code, errors.isEmpty() ? request : null, errors));
      progress.accept(i + 1);
    }
    return rejectBelowRejected(checked, rows);
  }

  private List<RowError> validate(
      RawRow row,
      HospitalRequest request,
      int membership,
      Map<String, Node> nodes,
      Set<String> known) {
    List<RowError> errors = new ArrayList<>();
    for (ConstraintViolation<HospitalRequest> v : validator.validate(request)) {
      errors.add(
          error(
              row,
              ImportColumns.of(v.getPropertyPath().toString(), membership),
              v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
              v.getMessage()));
    }
    if (errors.isEmpty()) {
      for (FieldProblem p : HospitalRules.check(request, nodes, known)) {
        errors.add(error(row, ImportColumns.of(p.field(), membership), p.rule(), p.message()));
      }
    }
    return errors;
  }

  /** Rows whose parent or agreement partner is a rejected row of the file are rejected too. */
  private static List<Checked> rejectBelowRejected(List<Checked> checked, List<RawRow> rows) {
    Set<String> imported = new HashSet<>();
    checked.stream().filter(Checked::good).forEach(c -> imported.add(c.code()));
    Set<String> rejected = new HashSet<>();
    checked.stream()
        .filter(c -> !c.good() && c.code() != null && !imported.contains(c.code()))
        .forEach(c -> rejected.add(c.code()));
    List<Checked> result = new ArrayList<>(checked);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < result.size(); i++) {
        Checked c = result.get(i);
        if (!c.good()) {
          continue;
        }
        HospitalRequest r = c.request();
        String field = null;
        if (r.parentCode() != null && rejected.contains(r.parentCode())) {
          field = ImportColumns.PARENT;
        } else if (r.agreementHospitals().stream().anyMatch(rejected::contains)) {
          field = ImportColumns.AGREEMENTS;
        }
        if (field != null) {
          result.set(
              i,
              new Checked(
                  c.line(),
                  c.code(),
                  null,
                  List.of(
                      error(
                          rows.get(i),
                          field,
                          "row-rejected",
                          "refers to a hospital whose row in this file is rejected"))));
          rejected.add(c.code());
          changed = true;
        }
      }
    }
    return result;
  }

  private static RowError error(RawRow row, String field, String rule, String message) {
    return new RowError(row.line(), row.cells().get(ImportColumns.CODE), field, rule, message);
  }
}
