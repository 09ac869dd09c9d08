package cn.yilianti.referral.referral;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/referrals")
class ReferralController {

  private final ReferralService service;
  private final ReferralMapper mapper;

  ReferralController(ReferralService service, ReferralMapper mapper) {
    this.service = service;
    this.mapper = mapper;
  }

  @PostMapping
  ResponseEntity<ReferralView> submit(@Valid @RequestBody SubmitReferralRequest request) {
    Referral referral = service.submit(request);
    return ResponseEntity.created(URI.create("/api/v1/referrals/" + referral.id()))
        .body(mapper.toView(referral));
  }

  @GetMapping("/{id}")
  ReferralView get(@PathVariable UUID id) {
    return mapper.toView(service.get(id));
  }
}
