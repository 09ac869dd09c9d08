package cn.yilianti.events.registry;

/** Administrative region by GB/T 2260 codes (six digits each). */
public record Region(String provinceCode, String cityCode, String countyCode) {}
