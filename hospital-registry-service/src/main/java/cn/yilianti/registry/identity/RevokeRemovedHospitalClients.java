package cn.yilianti.registry.identity;

import cn.yilianti.registry.hospital.HospitalRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A removed hospital's HIS clients are revoked in the same transaction. */
@Component
class RevokeRemovedHospitalClients {

  private final ClientRepository repository;
  private final Clients clients;

  RevokeRemovedHospitalClients(ClientRepository repository, Clients clients) {
    this.repository = repository;
    this.clients = clients;
  }

  @EventListener
  void on(HospitalRemoved removed) {
    repository
        .ofHospital(removed.code())
        .forEach(c -> clients.revokeNow(c.clientId(), removed.removedBy()));
  }
}
