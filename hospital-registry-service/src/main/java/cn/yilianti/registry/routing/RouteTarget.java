package cn.yilianti.registry.routing;

import cn.yilianti.events.registry.Capabilities;
import cn.yilianti.events.registry.HospitalKind;
import cn.yilianti.events.registry.HospitalLevel;
import cn.yilianti.events.registry.HospitalStateChanged;
import cn.yilianti.events.registry.Region;
import java.util.List;

/**
 * What a sender needs to know about a hospital it may refer to: never coordinators or endpoints,
 * which an HIS client may not read.
 */
record RouteTarget(
    String code,
    String nameZh,
    String nameEn,
    HospitalLevel level,
    HospitalKind kind,
    Region region,
    List<String> departments,
    Capabilities capabilities,
    int bedCapacity) {

  static RouteTarget of(HospitalStateChanged h) {
    return new RouteTarget(
        h.code(),
        h.nameZh(),
        h.nameEn(),
        h.level(),
        h.kind(),
        h.region(),
        h.departments(),
        h.capabilities(),
        h.bedCapacity());
  }
}
