package cn.yilianti.registry.seed;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.web.FieldProblem;
import cn.yilianti.registry.alliance.AllianceRepository;
import cn.yilianti.registry.alliance.AllianceService;
import cn.yilianti.registry.hospital.HospitalRepository;
import cn.yilianti.registry.hospital.HospitalRepository.Node;
import cn.yilianti.registry.hospital.HospitalRequest;
import cn.yilianti.registry.hospital.HospitalRules;
import cn.yilianti.registry.hospital.HospitalService;
import cn.yilianti.registry.hospital.HospitalService.ImportOutcome;
import cn.yilianti.registry.identity.DemoAccounts;
import cn.yilianti.registry.identity.DemoCredential;
import cn.yilianti.registry.security.Access;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the dataset at start: alliances and hospitals that are missing (a hospital already in the
 * registry is left as it is: the registry, edited by alliance managers, is the source of truth, so
 * a restart never reverts their changes; dataset changes to existing hospitals go through the
 * import API), then the demo credentials. A dataset that breaks a model rule stops the start with
 * the rule named.
 */
@Component
@ConditionalOnBooleanProperty("registry.seed.enabled")
class SeedLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);
  private static final Caller SEED = Access.system("seed");

  private final SeedProperties properties;
  private final ResourceLoader resources;
  private final JsonMapper json;
  private final Validator validator;
  private final AllianceRepository alliances;
  private final AllianceService allianceService;
  private final HospitalRepository hospitals;
  private final HospitalService hospitalService;
  private final DemoAccounts demoAccounts;
  private final CredentialsFile credentialsFile;

  SeedLoader(
      SeedProperties properties,
      ResourceLoader resources,
      JsonMapper json,
      Validator validator,
      AllianceRepository alliances,
      AllianceService allianceService,
      HospitalRepository hospitals,
      HospitalService hospitalService,
      DemoAccounts demoAccounts,
      CredentialsFile credentialsFile) {
    this.properties = properties;
    this.resources = resources;
    this.json = json;
    this.validator = validator;
    this.alliances = alliances;
    this.allianceService = allianceService;
    this.hospitals = hospitals;
    this.hospitalService = hospitalService;
    this.demoAccounts = demoAccounts;
    this.credentialsFile = credentialsFile;
  }

  @Override
  public void run(ApplicationArguments args) {
    long started = System.nanoTime();
    SeedData data = read();
    for (var alliance : data.alliances()) {
      if (alliances.find(alliance.code()).isEmpty()) {
        allianceService.create(alliance, SEED);
      }
    }
    List<HospitalRequest> missing =
        data.hospitals().stream().filter(h -> hospitals.find(h.code()).isEmpty()).toList();
    check(missing);
    Map<ImportOutcome, Integer> outcomes = new EnumMap<>(ImportOutcome.class);
    outcomes.put(ImportOutcome.UNCHANGED, data.hospitals().size() - missing.size());
    for (HospitalRequest hospital : missing) {
      outcomes.merge(hospitalService.importRow(hospital, SEED), 1, Integer::sum);
    }
    long synthetic = data.hospitals().stream().filter(HospitalRequest::synthetic).count();
    log.info(
        "Seed {}: {} alliances, {} hospitals ({} synthetic): {} in {} ms",
        properties.dataset(),
        data.alliances().size(),
        data.hospitals().size(),
        synthetic,
        outcomes,
        (System.nanoTime() - started) / 1_000_000);
    List<DemoCredential> credentials =
        demoAccounts.ensure(data.demoCredentials(), credentialsFile.read());
    credentialsFile.write(credentials);
  }

  private SeedData read() {
    try (InputStream in = resources.getResource(properties.dataset()).getInputStream()) {
      return json.readValue(in, SeedData.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read seed dataset " + properties.dataset(), e);
    }
  }

  /**
   * The hospitals to create against the model rules, with the registry as it is (hospitals already
   * there keep their current, possibly edited, entries), before anything is written.
   */
  private void check(List<HospitalRequest> rows) {
    Map<String, Node> nodes = new HashMap<>(hospitals.nodes());
    rows.forEach(r -> nodes.put(r.code(), new Node(r.level(), r.parentCode())));
    Set<String> known = new HashSet<>(alliances.codes());
    List<String> problems = new ArrayList<>();
    for (HospitalRequest row : rows) {
      for (ConstraintViolation<HospitalRequest> v : validator.validate(row)) {
        problems.add(row.code() + " " + v.getPropertyPath() + ": " + v.getMessage());
      }
      for (FieldProblem p : HospitalRules.check(row, nodes, known)) {
        problems.add(row.code() + " " + p.field() + " (" + p.rule() + "): " + p.message());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Seed dataset " + properties.dataset() + " breaks the model rules: " + problems);
    }
  }
}
