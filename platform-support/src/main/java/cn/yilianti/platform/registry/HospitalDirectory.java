package cn.yilianti.platform.registry;

import cn.yilianti.events.registry.HospitalStateChanged;
import java.util.Collection;
import java.util.Optional;

/** The member hospitals as last published by the registry. */
public interface HospitalDirectory {

  Optional<HospitalStateChanged> find(String code);

  Collection<HospitalStateChanged> all();

  /** True once the copy is usable: caught up with the topic, or loaded from the local snapshot. */
  boolean isReady();
}
