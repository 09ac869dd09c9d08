package cn.yilianti.indicator.transfer;

import cn.yilianti.indicator.transfer.TransferCountRepository.StageCount;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/indicators/hospitals")
class HospitalIndicatorsController {

  private final TransferCountRepository counts;

  HospitalIndicatorsController(TransferCountRepository counts) {
    this.counts = counts;
  }

  /** Referrals the hospital sent up and down, by stage, since counting began. */
  @GetMapping("/{code}")
  HospitalIndicators hospital(@PathVariable String code) {
    Map<String, Long> up = new TreeMap<>();
    Map<String, Long> down = new TreeMap<>();
    for (StageCount c : counts.sentBy(code)) {
      ("UP".equals(c.direction()) ? up : down).put(c.stage(), c.count());
    }
    return new HospitalIndicators(code, up, down);
  }

  record HospitalIndicators(
      String hospital, Map<String, Long> upward, Map<String, Long> downward) {}
}
