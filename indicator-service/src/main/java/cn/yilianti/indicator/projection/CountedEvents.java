package cn.yilianti.indicator.projection;

import java.util.List;

/** Told about the facts a committed batch counted for the first time (metrics). */
public interface CountedEvents {

  void counted(List<Fact> facts);
}
