package cn.yilianti.indicator.volume;

import cn.yilianti.indicator.hierarchy.Hierarchy;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Volume statistics an HIS reports, targets per indicator and year, and the yearly table per
 * hospital and per alliance (JSON, or CSV with {@code Accept: text/csv}).
 */
@RestController
@RequestMapping("/api/v1/indicators")
class VolumeController {

  private static final Pattern INDICATOR = Pattern.compile("[a-z][a-z0-9_]{1,63}");

  private final VolumeRepository volumes;
  private final TargetRepository targets;
  private final YearlyFigures figures;
  private final Hierarchy hierarchy;

  VolumeController(
      VolumeRepository volumes,
      TargetRepository targets,
      YearlyFigures figures,
      Hierarchy hierarchy) {
    this.volumes = volumes;
    this.targets = targets;
    this.figures = figures;
    this.hierarchy = hierarchy;
  }

  @Operation(
      summary = "Report a hospital's totals for a year (2020) or month (2020-05); idempotent")
  @PutMapping("/hospitals/{code}/volumes/{period}")
  Volume putVolume(
      Caller caller,
      @PathVariable String code,
      @PathVariable String period,
      @Valid @RequestBody Volume volume) {
    VolumePeriod p = VolumePeriod.parse(period);
    requireWriter(caller, code);
    volumes.put(code, p, volume);
    return volume;
  }

  @GetMapping("/hospitals/{code}/volumes/{period}")
  Volume getVolume(Caller caller, @PathVariable String code, @PathVariable String period) {
    VolumePeriod.parse(period);
    requireReader(caller, code);
    return volumes
        .find(code, period)
        .orElseThrow(() -> ProblemException.notFound("Volumes of " + code + " for", period));
  }

  @Operation(summary = "Set the target of an indicator for a year (e.g. out_transfer_rate)")
  @PutMapping("/hospitals/{code}/targets/{year}/{indicator}")
  TargetView putTarget(
      Caller caller,
      @PathVariable String code,
      @PathVariable int year,
      @PathVariable String indicator,
      @Valid @RequestBody Target target) {
    requireYear(year);
    if (!INDICATOR.matcher(indicator).matches()) {
      throw ProblemException.invalid(
          "indicator", "Pattern", "Must be a lower-case name such as day_surgery_share");
    }
    requireWriter(caller, code);
    targets.put(code, year, indicator, target);
    return targets.targets(code, year).stream()
        .filter(t -> t.indicator().equals(indicator))
        .findFirst()
        .orElseThrow();
  }

  @GetMapping("/hospitals/{code}/targets/{year}")
  List<TargetView> targets(Caller caller, @PathVariable String code, @PathVariable int year) {
    requireYear(year);
    requireReader(caller, code);
    return targets.targets(code, year);
  }

  @Operation(summary = "The yearly table (seed Table 1) of one hospital, years from..to")
  @GetMapping(value = "/hospitals/{code}/yearly", produces = "application/json")
  List<YearRow> yearly(
      Caller caller, @PathVariable String code, @RequestParam int from, @RequestParam int to) {
    requireYear(from);
    requireYear(to);
    if (to < from) {
      throw ProblemException.invalid("to", "not-before-from", "Must not be before from");
    }
    if (to - from > 30) {
      throw ProblemException.invalid("to", "max-range", "At most 30 years at once");
    }
    requireReader(caller, code);
    return java.util.stream.IntStream.rangeClosed(from, to)
        .mapToObj(y -> figures.row(code, y))
        .toList();
  }

  @GetMapping(value = "/hospitals/{code}/yearly", produces = "text/csv")
  String yearlyCsv(
      Caller caller, @PathVariable String code, @RequestParam int from, @RequestParam int to) {
    return csv(yearly(caller, code, from, to));
  }

  @Operation(summary = "The yearly table of every current member hospital of an alliance")
  @GetMapping(value = "/alliances/{code}/yearly", produces = "application/json")
  List<YearRow> allianceYearly(Caller caller, @PathVariable String code, @RequestParam int year) {
    requireYear(year);
    java.util.Set<String> members = hierarchy.membersOf(code);
    if (members.isEmpty()) {
      throw ProblemException.notFound("Alliance", code);
    }
    if (!caller.has(Role.OPS)
        && !(caller.has(Role.ALLIANCE_MANAGER) && caller.alliances().contains(code))) {
      throw forbidden();
    }
    return members.stream().map(h -> figures.row(h, year)).toList();
  }

  @GetMapping(value = "/alliances/{code}/yearly", produces = "text/csv")
  String allianceYearlyCsv(Caller caller, @PathVariable String code, @RequestParam int year) {
    return csv(allianceYearly(caller, code, year));
  }

  private static String csv(List<YearRow> rows) {
    return rows.stream()
        .map(YearRow::csv)
        .collect(Collectors.joining("\n", YearRow.CSV_HEADER + "\n", "\n"));
  }

  private void requireWriter(Caller caller, String code) {
    boolean own = caller.belongsTo(code) && caller.has(Role.HIS_CLIENT);
    if (!own && !caller.has(Role.OPS) && !manages(caller, code)) {
      throw forbidden();
    }
  }

  private void requireReader(Caller caller, String code) {
    if (!caller.belongsTo(code) && !caller.has(Role.OPS) && !manages(caller, code)) {
      throw forbidden();
    }
  }

  private boolean manages(Caller caller, String code) {
    return caller.has(Role.ALLIANCE_MANAGER)
        && hierarchy.alliances(code).stream().anyMatch(caller.alliances()::contains);
  }

  private static void requireYear(int year) {
    if (year < 2000 || year > 2100) {
      throw ProblemException.invalid("year", "range", "Must be between 2000 and 2100");
    }
  }

  private static ProblemException forbidden() {
    return new ProblemException(
        HttpStatus.FORBIDDEN, "forbidden", "The token does not allow this hospital's figures");
  }
}
