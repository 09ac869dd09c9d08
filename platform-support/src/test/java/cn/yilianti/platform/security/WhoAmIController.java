package cn.yilianti.platform.security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test endpoints: echoes the caller, and one that only alliance managers may call. */
@RestController
class WhoAmIController {

  @GetMapping("/api/v1/whoami")
  Caller whoami(Caller caller) {
    return caller;
  }

  @PreAuthorize("hasRole('ALLIANCE_MANAGER')")
  @GetMapping("/api/v1/managers-only")
  String managersOnly() {
    return "ok";
  }
}
