package cn.yilianti.referral.referral;

import cn.yilianti.referral.protection.PatientCipher;
import cn.yilianti.referral.protection.PatientIdentity;
import cn.yilianti.referral.protection.SealedIdentity;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Named;
import org.springframework.stereotype.Component;

/** Opens a sealed identity only to mask it, for the mapper. */
@Component
class PatientMasking {

  private final PatientCipher cipher;

  PatientMasking(PatientCipher cipher) {
    this.cipher = cipher;
  }

  @Named("masked")
  @Nullable PatientIdentity masked(@Nullable SealedIdentity sealed) {
    PatientIdentity identity = cipher.open(sealed);
    return identity == null ? null : identity.masked();
  }
}
