package cn.yilianti.events.registry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Membership of one alliance, with the dates it started and (if it did) ended. */
public record Membership(
    String allianceCode, MembershipRole role, LocalDate joinedOn, @Nullable LocalDate leftOn) {}
