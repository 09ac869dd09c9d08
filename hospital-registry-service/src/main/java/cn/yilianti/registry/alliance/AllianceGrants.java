package cn.yilianti.registry.alliance;

/** Gives a user the management of an alliance (implemented by the identity feature). */
public interface AllianceGrants {

  void grant(String username, String alliance);
}
