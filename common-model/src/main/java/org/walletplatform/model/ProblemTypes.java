package org.walletplatform.model;

import java.net.URI;
import java.util.Map;

/**
 * Stable RFC 9457 problem {@code type} URIs, one per kind of problem. A client may switch
 * on these; their titles are for humans.
 */
public final class ProblemTypes {

    private static final String BASE = "https://walletplatform.org/problems/";

    public static final URI VALIDATION = of("validation");

    public static final URI MALFORMED_REQUEST = of("malformed-request");

    public static final URI UNKNOWN_BUSINESS_LINE = of("unknown-business-line");

    public static final URI BATCH_TOO_LARGE = of("batch-too-large");

    public static final URI NOT_FOUND = of("not-found");

    /** The request is not signed, or not signed right, by a known caller. */
    public static final URI UNAUTHENTICATED = of("unauthenticated");

    /**
     * Authenticated, but not allowed to do this: another user's assets, or an admin
     * action.
     */
    public static final URI FORBIDDEN = of("forbidden");

    /** The business line may not issue in this scene: the scene is not granted to it. */
    public static final URI SCENE_NOT_GRANTED = of("scene-not-granted");

    /** A signed request older (or newer) than the accepted window. */
    public static final URI REQUEST_EXPIRED = of("request-expired");

    /** A signed request whose nonce was seen before. */
    public static final URI REQUEST_REPLAYED = of("request-replayed");

    /** The caller may not act for the business line the request names. */
    public static final URI LINE_FORBIDDEN = of("line-forbidden");

    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");

    public static final URI URI_TOO_LONG = of("uri-too-long");

    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");

    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");

    /** An {@code Expect} other than {@code 100-continue}: 417. */
    public static final URI EXPECTATION_FAILED = of("expectation-failed");

    public static final URI QUEUE_UNAVAILABLE = of("queue-unavailable");

    /**
     * A real-time business line failed and the wallet holds nothing cached to answer
     * with.
     */
    public static final URI LINE_UNAVAILABLE = of("line-unavailable");

    public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");

    /**
     * The service behind the gateway broke off the exchange (closed the connection, sent
     * no valid answer): the request may or may not have taken effect, so retry it as it
     * was, with the same order or withdrawal number.
     */
    public static final URI BAD_GATEWAY = of("bad-gateway");

    /** Parts that do not make an order number (missing, extra or malformed). */
    public static final URI INVALID_ORDER_NUMBER = of("invalid-order-number");

    public static final URI UNKNOWN_SCENE = of("unknown-scene");

    public static final URI UNKNOWN_ACTIVITY = of("unknown-activity");

    /** The activity has no phase running at the request time. */
    public static final URI ACTIVITY_NOT_RUNNING = of("activity-not-running");

    /** An app account that is bound to no actID yet. */
    public static final URI UNBOUND_APP_USER = of("unbound-app-user");

    /** The request's award type is not the one its scene issues. */
    public static final URI AWARD_TYPE_MISMATCH = of("award-type-mismatch");

    /** The amount is above the scene's per-transaction limit. */
    public static final URI AMOUNT_ABOVE_LIMIT = of("amount-above-limit");

    /**
     * The scene's remaining stock is below its reserve (10 % of the budget by default):
     * nothing more is issued.
     */
    public static final URI STOCK_LOW = of("stock-low");

    /**
     * Too many requests for this caller, scene or route now; retry after
     * {@code Retry-After}.
     */
    public static final URI RATE_LIMITED = of("rate-limited");

    /** An order number already used for a different request. */
    public static final URI ORDER_CONFLICT = of("order-conflict");

    /**
     * A presented red-packet token that is not two base64url parts of a token payload.
     */
    public static final URI TOKEN_MALFORMED = of("token-malformed");

    /** A presented red-packet token signed with a key id the platform does not know. */
    public static final URI TOKEN_UNKNOWN_KEY = of("token-unknown-key");

    /** A presented red-packet token whose signature does not match: forged or altered. */
    public static final URI TOKEN_BAD_SIGNATURE = of("token-bad-signature");

    /** A presented red-packet token issued to another account. */
    public static final URI TOKEN_FOREIGN_ACCOUNT = of("token-foreign-account");

    /**
     * A presented red-packet token that is settled already: presenting it again credits
     * nothing.
     */
    public static final URI TOKEN_REPLAYED = of("token-replayed");

    /** A presented red-packet token older than the platform accepts. */
    public static final URI TOKEN_EXPIRED = of("token-expired");

    /** A withdrawal above what the account holds: nothing was taken. */
    public static final URI INSUFFICIENT_FUNDS = of("insufficient-funds");

    /** A withdrawal number already used for a different withdrawal. */
    public static final URI WITHDRAWAL_CONFLICT = of("withdrawal-conflict");

    /** A reconciliation was asked to start while one runs already. */
    public static final URI RECONCILIATION_RUNNING = of("reconciliation-running");

    /**
     * A configuration change made against a revision that is no longer the current one:
     * read the configuration again and decide anew.
     */
    public static final URI CONFIG_REVISION_CONFLICT = of("config-revision-conflict");

    /**
     * A configuration change the release's state does not allow now: a new release while
     * a gray one runs, a promotion with none running, a rollback to the version in force.
     */
    public static final URI CONFIG_RELEASE_CONFLICT = of("config-release-conflict");

    /** A page cursor this service did not hand out. */
    public static final URI INVALID_CURSOR = of("invalid-cursor");

    public static final URI INTERNAL = of("internal");

    private static final Map<Integer, URI> BY_STATUS = Map.of(404, NOT_FOUND, 405, METHOD_NOT_ALLOWED, 413,
            PAYLOAD_TOO_LARGE, 414, URI_TOO_LONG, 415, UNSUPPORTED_MEDIA_TYPE, 417, EXPECTATION_FAILED, 502,
            BAD_GATEWAY, 503, SERVICE_UNAVAILABLE, 504, SERVICE_UNAVAILABLE);

    private ProblemTypes() {
    }

    /**
     * The type of a problem known only by its status (the framework's, the container's,
     * the gateway's own): {@code malformed-request} for other 4xx, {@code internal} for
     * other 5xx.
     */
    public static URI forStatus(int status) {
        return BY_STATUS.getOrDefault(status, (status >= 500) ? INTERNAL : MALFORMED_REQUEST);
    }

    private static URI of(String slug) {
        return URI.create(BASE + slug);
    }

}
