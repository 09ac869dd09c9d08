package cn.yilianti.indicator.query;

import cn.yilianti.events.consultation.ConsultationStage;
import cn.yilianti.events.consultation.ConsultationType;
import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.ReferralStage;
import cn.yilianti.indicator.query.IndicatorQueries.TracedEvent;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Indicators per hospital (optionally with the hospitals below it), alliance and province, for a
 * period ({@code period} or {@code from}/{@code to}, default year to date) split by {@code
 * granularity}.
 */
@RestController
@RequestMapping("/api/v1/indicators")
class IndicatorController {

  private final Scopes scopes;
  private final IndicatorReports reports;
  private final IndicatorQueries queries;
  private final ZoneId zone;

  IndicatorController(
      Scopes scopes,
      IndicatorReports reports,
      IndicatorQueries queries,
      @Value("${indicator.zone:Asia/Shanghai}") ZoneId zone) {
    this.scopes = scopes;
    this.reports = reports;
    this.queries = queries;
    this.zone = zone;
  }

  @Operation(summary = "Figures of one hospital; subordinates=true rolls up the hospitals below it")
  @GetMapping("/hospitals/{code}")
  IndicatorReport hospital(
      Caller caller,
      @PathVariable String code,
      @ParameterObject PeriodParams params,
      @RequestParam(defaultValue = "false") boolean subordinates) {
    return report(scopes.hospital(caller, code, subordinates), params);
  }

  @Operation(summary = "Figures of every current member of an alliance")
  @GetMapping("/alliances/{code}")
  IndicatorReport alliance(
      Caller caller, @PathVariable String code, @ParameterObject PeriodParams params) {
    return report(scopes.alliance(caller, code), params);
  }

  @Operation(summary = "Figures of the hospitals of a province (GB/T 2260 code, e.g. 510000)")
  @GetMapping("/provinces/{code}")
  IndicatorReport province(
      Caller caller, @PathVariable String code, @ParameterObject PeriodParams params) {
    return report(scopes.province(caller, code), params);
  }

  @Operation(
      summary = "The events behind a count",
      description =
          "Referrals: direction and stage; consultations: type and stage. Oldest first, at most"
              + " limit (default 1000).")
  @GetMapping("/hospitals/{code}/events")
  List<TracedEvent> trace(
      Caller caller,
      @PathVariable String code,
      @RequestParam(required = false) @Nullable Direction direction,
      @RequestParam(required = false) @Nullable ConsultationType type,
      @RequestParam String stage,
      @ParameterObject PeriodParams params,
      @RequestParam(defaultValue = "false") boolean subordinates,
      @RequestParam(defaultValue = "1000") int limit) {
    Period p = params.parse(today());
    if (limit < 1 || limit > 10_000) {
      throw ProblemException.invalid("limit", "range", "Must be between 1 and 10000");
    }
    Scope scope = scopes.hospital(caller, code, subordinates);
    if ((direction == null) == (type == null)) {
      throw ProblemException.invalid(
          "direction", "exclusive", "Give direction (referrals) or type (consultations)");
    }
    String kind = direction != null ? "REFERRAL" : "CONSULTATION";
    String category = direction != null ? direction.name() : type.name();
    requireStage(kind, stage);
    return queries.trace(scope.hospitals(), p, kind, category, stage, limit);
  }

  private IndicatorReport report(Scope scope, PeriodParams params) {
    return reports.report(scope, params.parse(today()), params.parseGranularity());
  }

  private LocalDate today() {
    return LocalDate.now(zone);
  }

  private static void requireStage(String kind, String stage) {
    try {
      if (kind.equals("REFERRAL")) {
        ReferralStage.valueOf(stage);
      } else {
        ConsultationStage.valueOf(stage);
      }
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          "stage",
          "enum",
          "Must be one of "
              + java.util.Arrays.toString(
                  kind.equals("REFERRAL") ? ReferralStage.values() : ConsultationStage.values()));
    }
  }
}
