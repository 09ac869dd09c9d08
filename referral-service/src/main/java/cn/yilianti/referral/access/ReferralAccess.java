package cn.yilianti.referral.access;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.platform.web.ProblemException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The authorisation matrix. Reads: a HIS client or coordinator sees referrals its hospital sent or
 * receives, an alliance manager those of its alliances, ops all. Changes: the sender's HIS or
 * coordinator submits and cancels; the receiving hospital's coordinator answers (only its
 * department where the token names one); the receiving hospital records arrival, completion and
 * no-shows. What a caller cannot see is 404; what it sees but may not change is 403.
 */
public final class ReferralAccess {

  /** Which end of a referral acts. */
  public enum Side {
    SENDER,
    RECEIVER
  }

  /** The ends of one referral and the alliances it runs in. */
  public record Parties(
      String fromHospital,
      String toHospital,
      @Nullable String toDepartment,
      Collection<String> alliances) {}

  /** A SQL condition on a referral aliased {@code r}, with its named parameters. */
  public record Filter(String sql, Map<String, Object> params) {}

  public static boolean canRead(Caller caller, Parties parties) {
    return caller.has(Role.OPS)
        || (caller.has(Role.ALLIANCE_MANAGER)
            && parties.alliances().stream().anyMatch(caller.alliances()::contains))
        || (actsForHospital(caller)
            && (caller.belongsTo(parties.fromHospital())
                || caller.belongsTo(parties.toHospital())));
  }

  /** Throws 404 when the caller may not see the referral. */
  public static void requireReadable(Caller caller, Parties parties, UUID id) {
    if (!canRead(caller, parties)) {
      throw ProblemException.notFound("Referral", id);
    }
  }

  /**
   * Throws 404 when the caller may not see the referral, 403 when it may see but not act as {@code
   * side}; {@code answering} limits a department coordinator to its department.
   */
  public static void requireActing(
      Caller caller, Parties parties, UUID id, Side side, boolean answering) {
    requireReadable(caller, parties, id);
    String hospital = side == Side.SENDER ? parties.fromHospital() : parties.toHospital();
    boolean allowed =
        answering
            ? caller.has(Role.COORDINATOR)
                && caller.belongsTo(hospital)
                && (caller.department() == null
                    || parties.toDepartment() == null
                    || Objects.equals(caller.department(), parties.toDepartment()))
            : actsForHospital(caller) && caller.belongsTo(hospital);
    if (!allowed) {
      throw forbidden(
          answering
              ? "only a coordinator of the receiving hospital (and department) may answer this referral"
              : "only the " + side.name().toLowerCase() + " hospital may do this");
    }
  }

  /** Throws 403 unless the caller acts for {@code fromHospital}. */
  public static void requireSender(Caller caller, String fromHospital) {
    if (!actsForHospital(caller) || !caller.belongsTo(fromHospital)) {
      throw forbidden("a referral can be submitted only by its sending hospital")
          .with("field", "fromHospital");
    }
  }

  /** Readable referrals as a SQL condition on alias {@code r}. */
  public static Filter readFilter(Caller caller) {
    if (caller.has(Role.OPS)) {
      return new Filter("true", Map.of());
    }
    List<String> any = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (caller.has(Role.ALLIANCE_MANAGER) && !caller.alliances().isEmpty()) {
      any.add("r.alliances && cast(:callerAlliances as text[])");
      params.put("callerAlliances", caller.alliances().toArray(String[]::new));
    }
    if (actsForHospital(caller) && caller.hospital() != null) {
      any.add("(r.from_hospital = :callerHospital or r.to_hospital = :callerHospital)");
      params.put("callerHospital", caller.hospital());
    }
    return any.isEmpty()
        ? new Filter("false", Map.of())
        : new Filter("(" + String.join(" or ", any) + ")", params);
  }

  private static boolean actsForHospital(Caller caller) {
    return caller.has(Role.HIS_CLIENT) || caller.has(Role.COORDINATOR);
  }

  private static ProblemException forbidden(String detail) {
    return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", detail);
  }

  private ReferralAccess() {}
}
