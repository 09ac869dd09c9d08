package cn.yilianti.system.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The traffic of the two seeded alliances, weighted as the domain brief describes them: county
 * hospitals send few patients up and many down (Linshui 2020: 50 up, 17,454 down), so downward
 * referrals dominate; a few upward referrals, green-channel cases from Jintan to Shanghai, and
 * remote consultations of every type. Only routes whose sender has a demo HIS client are used, and
 * only those whose receiver has a demo coordinator go past SUBMITTED.
 */
public final class TrafficMix {

  private record Weighted<T>(T value, double weight) {}

  private final List<Weighted<Route>> routes = new ArrayList<>();
  private final List<Weighted<List<Step>>> answeredPlans = new ArrayList<>();
  private final List<Weighted<List<Step>>> unansweredPlans = new ArrayList<>();
  private final List<Weighted<List<Step>>> consultationPlans = new ArrayList<>();

  /** The seed's mix (weights are shares of new cases). */
  public static TrafficMix seed() {
    TrafficMix mix = new TrafficMix();
    // Downward: Linshui to its township centres (no coordinator there: submitted or withdrawn).
    for (int t = 1; t <= 25; t++) {
      mix.route(
          1.6,
          referral("DOWN", "ROUTINE", "LSX-RMYY", "REHABILITATION", "LSX-T%02d".formatted(t), null)
              .withDepartment("GENERAL_PRACTICE"));
    }
    // Downward: the core hospitals to county hospitals with coordinators, full lifecycle.
    mix.route(
        20,
        referral("DOWN", "ROUTINE", "CQMU-2", "CARDIOLOGY", "LSX-RMYY", "lsx-coordinator")
            .withDepartment("REHABILITATION"));
    mix.route(
        6,
        referral("DOWN", "ROUTINE", "CQMU-2", "ORTHOPAEDICS", "FJX-RMYY", null)
            .withDepartment("REHABILITATION"));
    mix.route(
        8,
        referral("DOWN", "ROUTINE", "SGH", "NEUROLOGY", "JT-1", null)
            .withDepartment("REHABILITATION"));
    // Upward: few, answered by the tertiary hospitals' coordinators.
    mix.route(
        1,
        referral("UP", "URGENT", "LSX-RMYY", "CARDIOLOGY", "CQMU-2", "cqmu2-coordinator")
            .withDepartment("CARDIOLOGY"));
    mix.route(
        4,
        referral("UP", "ROUTINE", "FJX-RMYY", "NEUROLOGY", "CQMU-2", "cqmu2-coordinator")
            .withDepartment("NEUROLOGY"));
    // Green channel: Jintan's critical cases to Shanghai's emergency department.
    mix.route(
        3,
        referral("UP", "GREEN_CHANNEL", "JT-1", "CHEST_PAIN_CENTRE", "SGH", "sgh-coordinator")
            .withDepartment("EMERGENCY"));
    mix.route(
        1,
        referral("UP", "GREEN_CHANNEL", "LSX-RMYY", "EMERGENCY", "CQMU-2", "cqmu2-coordinator")
            .withDepartment("EMERGENCY"));
    // Remote consultations of every type.
    for (String type :
        List.of("MDT", "IMAGING", "ULTRASOUND", "ECG", "PATHOLOGY", "JOINT_CLINIC")) {
      mix.route(1.2, consultation(type, "LSX-RMYY", "CQMU-2", "cqmu2-coordinator"));
      mix.route(0.5, consultation(type, "JT-1", "SGH", "sgh-coordinator"));
    }
    mix.answered(45, Step.SUBMIT, Step.ACCEPT, Step.ARRIVE, Step.COMPLETE);
    mix.answered(10, Step.SUBMIT, Step.ACCEPT, Step.NO_SHOW);
    mix.answered(15, Step.SUBMIT, Step.REJECT);
    mix.answered(10, Step.SUBMIT, Step.CANCEL);
    mix.answered(5, Step.SUBMIT, Step.ACCEPT, Step.CANCEL);
    mix.answered(15, Step.SUBMIT);
    mix.unanswered(80, Step.SUBMIT);
    mix.unanswered(20, Step.SUBMIT, Step.CANCEL);
    mix.consultations(
        60, Step.REQUEST_CONSULTATION, Step.SCHEDULE_CONSULTATION, Step.COMPLETE_CONSULTATION);
    mix.consultations(15, Step.REQUEST_CONSULTATION, Step.DECLINE_CONSULTATION);
    mix.consultations(10, Step.REQUEST_CONSULTATION, Step.CANCEL_CONSULTATION);
    mix.consultations(15, Step.REQUEST_CONSULTATION);
    return mix;
  }

  /** A new case: a route allowed by {@code allowed} and its lifecycle plan. */
  public Case next(Random random, Predicate<Route> allowed, boolean transitions) {
    Route route = pick(random, routes.stream().filter(w -> allowed.test(w.value())).toList());
    List<Step> plan =
        route.consultation()
            ? pick(random, consultationPlans)
            : pick(random, route.answerable() ? answeredPlans : unansweredPlans);
    return new Case(route, transitions ? plan : plan.subList(0, 1));
  }

  public List<Route> routes() {
    return routes.stream().map(Weighted::value).toList();
  }

  private static <T> T pick(Random random, List<Weighted<T>> choices) {
    double total = choices.stream().mapToDouble(Weighted::weight).sum();
    double r = random.nextDouble() * total;
    for (Weighted<T> choice : choices) {
      r -= choice.weight();
      if (r < 0) {
        return choice.value();
      }
    }
    return choices.getLast().value();
  }

  private void route(double weight, Route route) {
    routes.add(new Weighted<>(route, weight));
  }

  private void answered(double weight, Step... steps) {
    answeredPlans.add(new Weighted<>(List.of(steps), weight));
  }

  private void unanswered(double weight, Step... steps) {
    unansweredPlans.add(new Weighted<>(List.of(steps), weight));
  }

  private void consultations(double weight, Step... steps) {
    consultationPlans.add(new Weighted<>(List.of(steps), weight));
  }

  private static RouteBuilder referral(
      String direction,
      String priority,
      String from,
      String fromDepartment,
      String to,
      String coordinator) {
    return new RouteBuilder(direction, priority, from, fromDepartment, to, coordinator, null);
  }

  private static Route consultation(String type, String from, String to, String coordinator) {
    // SGH's demo coordinator answers for its emergency department only.
    String department =
        "SGH".equals(to)
            ? "EMERGENCY"
            : switch (type) {
              case "IMAGING" -> "RADIOLOGY";
              case "ULTRASOUND" -> "ULTRASOUND";
              case "PATHOLOGY" -> "PATHOLOGY";
              case "ECG" -> "CARDIOLOGY";
              default -> "ONCOLOGY";
            };
    return new RouteBuilder(
            Route.CONSULTATION, "ROUTINE", from, "CARDIOLOGY", to, coordinator, type)
        .withDepartment(department);
  }

  private record RouteBuilder(
      String direction,
      String priority,
      String from,
      String fromDepartment,
      String to,
      @org.jspecify.annotations.Nullable String coordinator,
      @org.jspecify.annotations.Nullable String type) {

    Route withDepartment(String toDepartment) {
      boolean critical = "GREEN_CHANNEL".equals(priority);
      return new Route(
          direction,
          priority,
          from,
          fromDepartment,
          to,
          toDepartment,
          coordinator,
          type,
          critical ? "I21.0" : "DOWN".equals(direction) ? "Z50.1" : "I63.9",
          critical
              ? "acute transmural myocardial infarction"
              : "DOWN".equals(direction)
                  ? "rehabilitation after treatment"
                  : "cerebral infarction");
    }
  }
}
