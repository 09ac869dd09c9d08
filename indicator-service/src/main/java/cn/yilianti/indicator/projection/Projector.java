package cn.yilianti.indicator.projection;

import cn.yilianti.events.CloudEvent;
import cn.yilianti.events.PlatformEvent;
import cn.yilianti.platform.consumer.ProcessedEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a batch of events in one transaction: the receipts ({@link ProcessedEvents}) and the
 * counts commit together, so a redelivered, replayed or rebalanced event changes nothing twice.
 * While a rebuild runs, the live consumer also writes the tables being built (with that
 * generation's receipts), so nothing consumed during the replay is missing after the swap.
 */
@Service
public class Projector {

  private final ProcessedEvents processed;
  private final ProjectionWriter writer;
  private final Facts facts;
  private final JdbcClient jdbc;

  Projector(ProcessedEvents processed, ProjectionWriter writer, Facts facts, JdbcClient jdbc) {
    this.processed = processed;
    this.writer = writer;
    this.facts = facts;
    this.jdbc = jdbc;
  }

  /** Counts the events into the live tables; returns the facts counted for the first time. */
  @Transactional
  public List<Fact> applyLive(List<CloudEvent<PlatformEvent>> events) {
    RebuildState state =
        jdbc.sql("select generation, building from rebuild_state where id = 1 for share")
            .query(
                (rs, n) ->
                    new RebuildState(rs.getInt("generation"), (Integer) rs.getObject("building")))
            .single();
    List<Fact> counted =
        apply(events, ProjectionTables.LIVE, ProjectionTables.consumer(state.generation()));
    if (state.building() != null) {
      apply(events, ProjectionTables.NEXT, ProjectionTables.consumer(state.building()));
    }
    return counted;
  }

  /** Counts replayed events into the tables of the generation being built. */
  @Transactional
  public int applyRebuild(List<CloudEvent<PlatformEvent>> events, int generation) {
    return apply(events, ProjectionTables.NEXT, ProjectionTables.consumer(generation)).size();
  }

  private List<Fact> apply(
      List<CloudEvent<PlatformEvent>> events, ProjectionTables tables, String consumer) {
    Map<UUID, CloudEvent<PlatformEvent>> byId = new LinkedHashMap<>();
    events.forEach(e -> byId.putIfAbsent(e.id(), e));
    List<UUID> ids = new ArrayList<>(byId.keySet());
    ids.sort(null);
    Set<UUID> fresh = processed.firstDeliveries(consumer, ids);
    List<Fact> counted = new ArrayList<>(fresh.size());
    byId.forEach(
        (id, event) -> {
          if (fresh.contains(id)) {
            facts.of(event).ifPresent(counted::add);
          }
        });
    writer.write(tables, counted);
    return counted;
  }
}
