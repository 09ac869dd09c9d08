package cn.yilianti.registry.importing;

import cn.yilianti.platform.security.Caller;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Upload an alliance's members as CSV ({@code text/csv}, UTF-8 unless the content type names
 * another charset, e.g. GBK) or JSON; the answer is 202 with the job to poll at its Location.
 */
@RestController
class ImportController {

  private final Importer importer;

  ImportController(Importer importer) {
    this.importer = importer;
  }

  @PostMapping(
      path = "/api/v1/alliances/{code}/imports",
      consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<ImportJob> upload(
      @PathVariable String code,
      @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
      @RequestBody byte[] file,
      Caller caller) {
    ImportJob job = importer.start(code, file, contentType, mode, caller);
    return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
  }

  @GetMapping("/api/v1/imports/{id}")
  ImportJob get(@PathVariable UUID id, Caller caller) {
    return importer.find(id, caller);
  }

  @GetMapping("/api/v1/alliances/{code}/imports")
  List<ImportJob> ofAlliance(@PathVariable String code, Caller caller) {
    return importer.ofAlliance(code, caller);
  }
}
