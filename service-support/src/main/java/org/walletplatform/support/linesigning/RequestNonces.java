package org.walletplatform.support.linesigning;

import java.time.Duration;

import org.walletplatform.model.ProblemTypes;
import org.walletplatform.model.signing.RequestSignature;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;

/**
 * The nonces of signed requests, remembered in Redis for as long as a request could be
 * valid: a nonce is accepted once.
 */
public class RequestNonces {

    /**
     * Longer than the accepted window both ways, so a nonce is remembered for as long as
     * it could be valid.
     */
    static final Duration TTL = RequestSignature.MAX_AGE.multipliedBy(2).plusMinutes(1);

    static final String REPLAYED_TITLE = "Request replayed";

    static final String REPLAYED_DETAIL = "This nonce was used before; sign every request with a new one.";

    private static final String KEY = "wallet:nonce:";

    private final StringRedisTemplate redis;

    RequestNonces(StringRedisTemplate redis) {
        this.redis = redis;
    }

    static String keyOf(String line, String nonce) {
        return KEY + line + ":" + nonce;
    }

    /** Whether the nonce is new; it is remembered from now on. */
    boolean firstUse(String key) {
        return Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(key, "1", TTL));
    }

    /**
     * Claims a deferred nonce on its own, for a handler whose write is not in Redis; a
     * nonce used before refuses the request: 401 request-replayed. Null (the filter
     * claimed the nonce already) claims nothing.
     */
    public void claim(DeferredNonce nonce) {
        if (nonce != null) {
            nonce.claimed(firstUse(nonce.key()));
        }
    }

    static ApiProblemException replayed() {
        return new ApiProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.REQUEST_REPLAYED, REPLAYED_TITLE,
                REPLAYED_DETAIL);
    }

}
