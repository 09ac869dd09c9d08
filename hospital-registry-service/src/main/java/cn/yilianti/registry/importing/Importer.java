package cn.yilianti.registry.importing;

import cn.yilianti.platform.security.Caller;
import cn.yilianti.platform.security.Role;
import cn.yilianti.platform.web.ProblemException;
import cn.yilianti.registry.alliance.AllianceRepository;
import cn.yilianti.registry.hospital.HospitalRequest;
import cn.yilianti.registry.hospital.HospitalService;
import cn.yilianti.registry.hospital.HospitalService.ImportOutcome;
import cn.yilianti.registry.importing.ImportJobRepository.Counts;
import cn.yilianti.registry.importing.ImportValidator.Checked;
import cn.yilianti.registry.security.Access;
import cn.yilianti.registry.security.Forbidden;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs imports one at a time in the background: read, validate every row, then write the good rows
 * parents first. All or nothing writes in one transaction; good rows writes each row in its own.
 * Progress is saved as it goes, outside the import's transaction.
 */
@Service
class Importer implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(Importer.class);
  private static final int PROGRESS_EVERY_ROWS = 50;
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

  private final ImportJobRepository jobs;
  private final ImportValidator validator;
  private final HospitalService hospitals;
  private final AllianceRepository alliances;
  private final JsonMapper json;
  private final TransactionTemplate inOneTransaction;
  private final TransactionTemplate separately;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("import-", 1).factory());

  Importer(
      ImportJobRepository jobs,
      ImportValidator validator,
      HospitalService hospitals,
      AllianceRepository alliances,
      JsonMapper json,
      PlatformTransactionManager transactions) {
    this.jobs = jobs;
    this.validator = validator;
    this.hospitals = hospitals;
    this.alliances = alliances;
    this.json = json;
    this.inOneTransaction = new TransactionTemplate(transactions);
    this.separately = new TransactionTemplate(transactions);
    separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Accepts the file and queues its import; the job tells how it goes. */
  ImportJob start(String alliance, byte[] body, MediaType type, ImportMode mode, Caller caller) {
    if (alliances.find(alliance).isEmpty()) {
      throw ProblemException.notFound("Alliance", alliance);
    }
    if (!Access.manages(caller, alliance)) {
      throw Forbidden.because("Only managers of " + alliance + " import into it");
    }
    boolean csv = type.isCompatibleWith(MediaType.parseMediaType("text/csv"));
    UUID id = UUID.randomUUID();
    jobs.insert(id, alliance, csv ? "CSV" : "JSON", mode, sha256(body), caller.subject());
    Charset charset = type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
    worker.submit(() -> run(id, alliance, body, csv, charset, mode, caller));
    return find(id, caller);
  }

  ImportJob find(UUID id, Caller caller) {
    ImportJob job = jobs.find(id).orElseThrow(() -> ProblemException.notFound("Import", id));
    if (!Access.manages(caller, job.alliance()) && !caller.has(Role.OPS)) {
      throw Forbidden.because("Imports are seen by the managers of their alliance");
    }
    return job;
  }

  List<ImportJob> ofAlliance(String alliance, Caller caller) {
    if (!Access.manages(caller, alliance) && !caller.has(Role.OPS)) {
      throw Forbidden.because("Imports are seen by the managers of their alliance");
    }
    return jobs.ofAlliance(alliance);
  }

  @EventListener(ApplicationReadyEvent.class)
  void failAbandonedImports() {
    int failed = jobs.failAbandoned();
    if (failed > 0) {
      log.warn("Marked {} imports left unfinished by a stopped registry as FAILED", failed);
    }
  }

  private void run(
      UUID id,
      String alliance,
      byte[] body,
      boolean csv,
      Charset charset,
      ImportMode mode,
      Caller caller) {
    Progress progress = new Progress(id);
    try {
      List<RawRow> rows;
      try {
        rows =
            csv
                ? CsvRows.read(text(body, charset), ImportColumns.CSV, ImportColumns.REQUIRED)
                : JsonRows.read(body, alliance, json);
      } catch (ImportFileException e) {
        jobs.finish(
            id, ImportStatus.REJECTED, new Counts(0, 0, 0, 0, 0, 0), List.of(e.error()), null);
        return;
      }
      progress.total = rows.size();
      progress.save(ImportStatus.VALIDATING, true);
      List<Checked> checked =
          validator.check(
              rows,
              alliance,
              caller,
              n -> {
                progress.validated = n;
                progress.save(ImportStatus.VALIDATING, false);
              });
      List<RowError> errors = new ArrayList<>();
      checked.forEach(c -> errors.addAll(c.errors()));
      int bad = (int) checked.stream().filter(c -> !c.good()).count();
      if (mode == ImportMode.ALL_OR_NOTHING && bad > 0) {
        jobs.finish(
            id, ImportStatus.REJECTED, new Counts(rows.size(), 0, 0, 0, 0, bad), errors, null);
        return;
      }
      List<HospitalRequest> good = ImportOrder.parentsFirst(checked);
      progress.save(ImportStatus.IMPORTING, true);
      Counts counts =
          mode == ImportMode.ALL_OR_NOTHING
              ? inOneTransaction.execute(s -> write(good, caller, progress, errors, true))
              : write(good, caller, progress, errors, false);
      Counts total =
          new Counts(
              rows.size(),
              counts.processed(),
              counts.created(),
              counts.updated(),
              counts.unchanged(),
              bad + counts.rejected());
      jobs.finish(id, ImportStatus.COMPLETED, total, errors, null);
      log.info("Import {} into {} completed: {}", id, alliance, total);
    } catch (RuntimeException e) {
      log.error("Import {} into {} failed", id, alliance, e);
      jobs.finish(
          id,
          ImportStatus.FAILED,
          new Counts(progress.validated, progress.processed, 0, 0, 0, 0),
          List.of(),
          e.toString());
    }
  }

  /**
   * Writes the rows; {@code atomic} (all or nothing) lets one failure undo all, otherwise a row
   * that fails alone is reported.
   */
  private Counts write(
      List<HospitalRequest> rows,
      Caller caller,
      Progress progress,
      List<RowError> errors,
      boolean atomic) {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int rejected = 0;
    for (HospitalRequest row : rows) {
      try {
        ImportOutcome outcome = hospitals.importRow(row, caller);
        switch (outcome) {
          case CREATED -> created++;
          case UPDATED -> updated++;
          case UNCHANGED -> unchanged++;
        }
      } catch (RuntimeException e) {
        if (atomic) {
          throw e;
        }
        rejected++;
        errors.add(new RowError(0, row.code(), "code", "not-saved", e.getMessage()));
      }
      progress.processed++;
      progress.save(ImportStatus.IMPORTING, false);
    }
    return new Counts(
        progress.validated, progress.processed, created, updated, unchanged, rejected);
  }

  private static String text(byte[] body, Charset charset) {
    String text = new String(body, charset);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }

  /** Progress of one import, saved at most every 50 rows or every second. */
  private final class Progress {
    private final UUID id;
    private @Nullable Integer total;
    private int validated;
    private int processed;
    private int sinceSave;
    private Instant savedAt = Instant.EPOCH;

    Progress(UUID id) {
      this.id = id;
    }

    void save(ImportStatus status, boolean now) {
      sinceSave++;
      if (now
          || sinceSave >= PROGRESS_EVERY_ROWS
          || Instant.now().isAfter(savedAt.plus(PROGRESS_EVERY))) {
        separately.executeWithoutResult(
            s -> jobs.progress(id, status, total, validated, processed));
        sinceSave = 0;
        savedAt = Instant.now();
      }
    }
  }
}
