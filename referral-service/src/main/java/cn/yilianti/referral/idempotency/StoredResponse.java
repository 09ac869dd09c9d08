package cn.yilianti.referral.idempotency;

import java.util.Map;

/** The first answer to a key: status, the headers a client needs again, and the body. */
record StoredResponse(int status, Map<String, String> headers, byte[] body) {}
