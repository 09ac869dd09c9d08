package cn.yilianti.referral.protection;

/** An encrypted patient identity and the id of the key that sealed it, as stored. */
public record SealedIdentity(String keyId, byte[] ciphertext) {}
