package cn.yilianti.registry.seed;

import cn.yilianti.registry.alliance.AllianceRequest;
import cn.yilianti.registry.hospital.HospitalRequest;
import cn.yilianti.registry.identity.DemoAccount;
import java.util.List;

/** The dataset file: alliances, hospitals (parents before children) and demo accounts. */
record SeedData(
    String description,
    List<AllianceRequest> alliances,
    List<HospitalRequest> hospitals,
    List<DemoAccount> demoCredentials) {}
