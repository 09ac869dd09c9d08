package cn.yilianti.platform.registry;

import cn.yilianti.events.EventCodec;
import cn.yilianti.events.EventDecodingException;
import cn.yilianti.events.registry.HospitalStateChanged;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The directory's copy in the service's own database, for starts while Kafka is unreachable. */
public class DirectorySnapshot {

  private final JdbcClient jdbc;

  public DirectorySnapshot(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<HospitalStateChanged> load() {
    List<HospitalStateChanged> hospitals = new ArrayList<>();
    for (byte[] state :
        jdbc.sql("select state from hospital_directory").query(byte[].class).list()) {
      try {
        hospitals.add(EventCodec.decode(state, HospitalStateChanged.class).data());
      } catch (EventDecodingException e) {
        // An entry written by an older contract version: the topic replay replaces it.
      }
    }
    return hospitals;
  }

  void save(HospitalStateChanged hospital, byte[] event) {
    jdbc.sql(
            """
            insert into hospital_directory (code, revision, state, updated_at)
            values (:code, :revision, :state, now())
            on conflict (code) do update
              set revision = excluded.revision, state = excluded.state, updated_at = now()
              where hospital_directory.revision <= excluded.revision
            """)
        .param("code", hospital.code())
        .param("revision", hospital.revision())
        .param("state", event)
        .update();
  }

  void remove(String code) {
    jdbc.sql("delete from hospital_directory where code = :code").param("code", code).update();
  }
}
