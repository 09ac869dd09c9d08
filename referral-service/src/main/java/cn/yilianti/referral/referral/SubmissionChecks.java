package cn.yilianti.referral.referral;

import cn.yilianti.events.referral.Direction;
import cn.yilianti.events.referral.ReferralStage;
import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.web.FieldProblem;
import cn.yilianti.platform.web.ProblemException;
import cn.yilianti.referral.access.ReferralAccess;
import cn.yilianti.referral.referral.ReferralDetails.Attachment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Rules of a submission beyond bean validation: dates, return summaries and document links (400),
 * and the referrals it links to (422): a downward referral closes an upward one in the opposite
 * direction between the same hospitals; a re-referral replaces a rejected or expired one of the
 * same sender and patient, to another hospital.
 */
@Component
class SubmissionChecks {

  private static final Set<ReferralStage> REREFERABLE =
      Set.of(ReferralStage.REJECTED, ReferralStage.EXPIRED);

  private final ReferralRepository referrals;
  private final ReferralProperties properties;

  SubmissionChecks(ReferralRepository referrals, ReferralProperties properties) {
    this.referrals = referrals;
    this.properties = properties;
  }

  void check(SubmitReferralRequest request, Instant now) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate requested = request.requestedDate();
    if (requested != null && requested.isBefore(LocalDate.ofInstant(now, properties.zone()))) {
      problems.add(new FieldProblem("requestedDate", "FutureOrPresent", "must not be in the past"));
    }
    if (request.direction() == Direction.UP) {
      if (request.returnSummary() != null) {
        problems.add(
            new FieldProblem(
                "returnSummary", "down-only", "only a downward referral returns a summary"));
      }
      if (request.closesReferral() != null) {
        problems.add(
            new FieldProblem("closesReferral", "down-only", "only a downward referral closes one"));
      }
    }
    List<Attachment> attachments =
        request.attachments() == null ? List.of() : request.attachments();
    for (int i = 0; i < attachments.size(); i++) {
      Attachment a = attachments.get(i);
      if (a.kind() == Attachment.Kind.DOCUMENT && !a.ref().matches("^https?://\\S+$")) {
        problems.add(
            new FieldProblem(
                "attachments[" + i + "].ref", "url", "a document is linked by its http(s) URL"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ProblemException(
              HttpStatus.BAD_REQUEST, "invalid-request", problems.size() + " invalid fields")
          .with("errors", problems);
    }
  }

  void checkLinks(Caller caller, SubmitReferralRequest request) {
    UUID closes = request.closesReferral();
    if (closes != null) {
      Referral up = readable(caller, closes, "closesReferral");
      if (up.direction() != Direction.UP
          || !up.toHospital().equals(request.fromHospital())
          || !up.fromHospital().equals(request.toHospital())) {
        throw unprocessable(
            "closesReferral",
            "not-closable",
            "a downward referral closes an upward referral from "
                + request.toHospital()
                + " to "
                + request.fromHospital());
      }
    }
    UUID previous = request.rereferralOf();
    if (previous != null) {
      Referral rejected = readable(caller, previous, "rereferralOf");
      if (!REREFERABLE.contains(rejected.status())
          || !rejected.fromHospital().equals(request.fromHospital())
          || !rejected.patientKey().equals(request.patientKey())
          || rejected.toHospital().equals(request.toHospital())) {
        throw unprocessable(
            "rereferralOf",
            "not-rereferable",
            "a re-referral replaces a rejected or expired referral of the same sender and patient,"
                + " to another hospital");
      }
    }
  }

  private Referral readable(Caller caller, UUID id, String field) {
    return referrals
        .find(id)
        .filter(r -> ReferralAccess.canRead(caller, r.parties()))
        .orElseThrow(() -> unprocessable(field, "unknown-referral", "no referral " + id));
  }

  private static ProblemException unprocessable(String field, String rule, String message) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-link", message)
        .with("errors", List.of(new FieldProblem(field, rule, message)));
  }
}
