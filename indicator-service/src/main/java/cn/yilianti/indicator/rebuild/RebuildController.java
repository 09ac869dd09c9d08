package cn.yilianti.indicator.rebuild;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ops start a rebuild of the projection from the topics and follow its progress. */
@RestController
@RequestMapping("/api/v1/indicators/rebuild")
class RebuildController {

  private final Rebuild rebuild;

  RebuildController(Rebuild rebuild) {
    this.rebuild = rebuild;
  }

  @Operation(summary = "Replay the topics into fresh tables, then swap them in (ops only)")
  @PostMapping
  ResponseEntity<RebuildStatus> start(Caller caller) {
    requireOps(caller);
    return rebuild
        .start()
        .map(
            s -> ResponseEntity.accepted().header("Location", "/api/v1/indicators/rebuild").body(s))
        .orElseThrow(
            () -> ProblemException.conflict("rebuild-running", "A rebuild is running already"));
  }

  @GetMapping
  RebuildStatus status(Caller caller) {
    requireOps(caller);
    return rebuild.status();
  }

  private static void requireOps(Caller caller) {
    if (!caller.has(Role.OPS)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Only ops may rebuild");
    }
  }
}
