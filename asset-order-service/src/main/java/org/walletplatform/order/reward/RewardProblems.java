package org.walletplatform.order.reward;

import java.time.Instant;
import java.util.Map;

import org.walletplatform.model.ProblemTypes;
import org.walletplatform.order.scene.Scene;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * Refusals of the reward API; each names its reason with its own problem type.
 */
final class RewardProblems {

    private RewardProblems() {
    }

    static ApiProblemException unknownScene(String sceneId) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.UNKNOWN_SCENE, "Unknown scene",
                "'" + sceneId + "' is not a configured scene.", Map.of("field", "sceneId"));
    }

    static ApiProblemException unknownActivity(String activityId) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.UNKNOWN_ACTIVITY,
                "Unknown activity", "'" + activityId + "' is not a configured activity.",
                Map.of("field", "activityId"));
    }

    static ApiProblemException activityNotRunning(String activityId, Instant now) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.ACTIVITY_NOT_RUNNING,
                "Activity not running", "Activity '" + activityId + "' has no phase running at " + now + ".",
                Map.of("field", "activityId"));
    }

    static ApiProblemException unboundAppUser(String appId, String appUserId) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.UNBOUND_APP_USER,
                "App account not bound to an actID",
                "Account '" + appUserId + "' of app '" + appId
                        + "' is bound to no actID; bind it first (POST /v1/identities:bind).",
                Map.of("field", "appUserId"));
    }

    static ApiProblemException awardTypeMismatch(Scene scene, String asked) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.AWARD_TYPE_MISMATCH,
                "Award type does not match the scene",
                "Scene '" + scene.id() + "' issues " + scene.awardType().code() + ", not " + asked + ".",
                Map.of("field", "awardType"));
    }

    static ApiProblemException amountAboveLimit(Scene scene, long amount) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.AMOUNT_ABOVE_LIMIT,
                "Amount above the per-transaction limit", "Scene '" + scene.id() + "' issues at most "
                        + scene.perTransactionLimitMinor() + " per order; asked " + amount + ".",
                Map.of("field", "amountMinor", "limitMinor", scene.perTransactionLimitMinor()));
    }

    static ApiProblemException stockLow(Scene scene) {
        return new ApiProblemException(HttpStatus.CONFLICT, ProblemTypes.STOCK_LOW, "Stock low",
                "Scene '" + scene.id() + "' has no budget left above its reserve ("
                        + Math.round(scene.reserveRatio() * 100) + " % of the budget); nothing more is issued.",
                Map.of("sceneId", scene.id()));
    }

    static ApiProblemException rateLimited(Scene scene) {
        ApiProblemException problem = new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
                "Too many requests for this scene", "Scene '" + scene.id() + "' takes at most " + scene.ratePerSecond()
                        + " issuances a second here; retry after a second.",
                Map.of("sceneId", scene.id()));
        problem.getHeaders().set("Retry-After", "1");
        return problem;
    }

    static ApiProblemException orderConflict(String orderNo) {
        return new ApiProblemException(HttpStatus.CONFLICT, ProblemTypes.ORDER_CONFLICT, "Order number already used",
                "Order " + orderNo + " was issued for a different request; a retry must repeat the same content.",
                Map.of("orderNo", orderNo));
    }

    static ApiProblemException orderNotFound(String orderNo) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No such order",
                "No reward order " + orderNo + ".", Map.of("orderNo", orderNo));
    }

    static ApiProblemException invalidOrderNumber(String reason) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_ORDER_NUMBER,
                "Invalid order number", reason + ".", Map.of("field", "orderNo"));
    }

}
