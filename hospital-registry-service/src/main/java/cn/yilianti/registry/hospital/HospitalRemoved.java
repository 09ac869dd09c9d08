package cn.yilianti.registry.hospital;

/**
 * Published (as a Spring application event, inside the removal's transaction) when a hospital is
 * removed, so its credentials are revoked with it.
 */
public record HospitalRemoved(String code, String removedBy) {}
