package org.walletplatform.order.reward;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.walletplatform.model.reward.AwardType;
import org.walletplatform.model.reward.OrderNumber;
import org.walletplatform.order.activity.Activities;
import org.walletplatform.order.activity.ActivitiesProperties.Phase;
import org.walletplatform.order.budget.Budgets;
import org.walletplatform.order.identity.Identities;
import org.walletplatform.order.budget.StockLowException;
import org.walletplatform.order.scene.Scene;
import org.walletplatform.order.scene.SceneRateLimits;
import org.walletplatform.order.scene.Scenes;
import org.walletplatform.order.system.Sha256;
import org.walletplatform.support.linesigning.DeferredNonce;
import org.walletplatform.support.linesigning.RequestNonces;
import org.walletplatform.support.problem.ApiProblemException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Issues a reward: checks the scene, the activity phase running now and the scene's rate
 * limit, takes the amount from this instance's budget share (a test phase's own budget),
 * writes the order. If the order number exists already, the amount goes back to the share
 * and the stored order is answered: as a replay when the request is the same, as a
 * conflict when it differs. Nothing is written and no budget is spent for a refused
 * request, nor when the order's store could not be reached at all. When writing the order
 * fails with an unknown outcome (a store timed out after it may have written it), the
 * amount stays spent: the budget is never exceeded, and the client's retry of the same
 * order number is answered from what was written.
 */
@Service
class RewardService {

    /** Canonical JSON of a request (map keys sorted), for its hash. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build();

    private final Scenes scenes;

    private final Budgets budgets;

    private final RewardTypes types;

    private final Clock clock;

    private final SceneRateLimits rateLimits;

    private final Identities identities;

    private final Activities activities;

    private final RequestNonces nonces;

    RewardService(Scenes scenes, SceneRateLimits rateLimits, Budgets budgets, RewardTypes types, Clock clock,
            Identities identities, Activities activities, RequestNonces nonces) {
        this.nonces = nonces;
        this.activities = activities;
        this.identities = identities;
        this.rateLimits = rateLimits;
        this.scenes = scenes;
        this.budgets = budgets;
        this.types = types;
        this.clock = clock;
    }

    /**
     * @param nonce the request's nonce, claimed with the order's write (null when the
     * signature filter claimed it)
     */
    RewardOrder issue(RewardRequest request, DeferredNonce nonce) {
        long actId = (request.actId() != null) ? request.actId()
                : this.identities.actOf(request.appId(), request.appUserId())
                    .orElseThrow(() -> RewardProblems.unboundAppUser(request.appId(), request.appUserId()));
        OrderNumber number = new OrderNumber(actId, request.sceneId(), request.rainId(),
                AwardType.fromCode(request.awardType()).orElseThrow(), request.stage());
        Scene scene = this.scenes.find(request.sceneId())
            .orElseThrow(() -> RewardProblems.unknownScene(request.sceneId()));
        if (scene.awardType() != number.awardType()) {
            throw RewardProblems.awardTypeMismatch(scene, request.awardType());
        }
        if (request.amountMinor() > scene.perTransactionLimitMinor()) {
            throw RewardProblems.amountAboveLimit(scene, request.amountMinor());
        }
        Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored
        if (!this.activities.exists(request.activityId())) {
            throw RewardProblems.unknownActivity(request.activityId());
        }
        Phase phase = this.activities.phaseAt(request.activityId(), now)
            .orElseThrow(() -> RewardProblems.activityNotRunning(request.activityId(), now));
        if (!this.rateLimits.tryAcquire(scene)) {
            throw RewardProblems.rateLimited(scene);
        }
        // an isolated (test) phase spends a budget of its own
        Scene budgetScene = phase.isolated() ? scene.forIsolatedPhase(phase.name()) : scene;
        String hash = hash(request);
        RewardOrder order = new RewardOrder(number.toString(), number.actId(), request.appId(), request.activityId(),
                phase.name(), scene.id(), number.rainId(), number.awardType().code(), number.stage(),
                request.amountMinor(), request.payload(), RewardOrder.ACCEPTED, now, null, false);
        String lessee;
        RewardType type = this.types.of(number.awardType());
        try {
            lessee = this.budgets.take(budgetScene, request.amountMinor());
        }
        catch (StockLowException ex) {
            this.nonces.claim(nonce); // a replayed request is refused, not answered
            // a retry of an issued order is answered even when the stock ran out since
            StoredOrder existing = type.find(number).orElseThrow(() -> RewardProblems.stockLow(scene));
            return answerExisting(existing, hash);
        }
        IssueOutcome outcome;
        try {
            outcome = type.issue(order, hash, lessee, nonce);
        }
        catch (RuntimeException ex) {
            if (nothingWritten(ex)) {
                this.budgets.putBack(budgetScene, request.amountMinor(), lessee);
            }
            throw ex;
        }
        if (outcome.isNew()) {
            return outcome.issued();
        }
        this.budgets.putBack(budgetScene, request.amountMinor(), lessee);
        return answerExisting(outcome.existing(), hash);
    }

    RewardOrder find(String orderNo) {
        OrderNumber number = OrderNumber.parse(orderNo);
        return this.types.of(number.awardType())
            .find(number)
            .map(StoredOrder::order)
            .orElseThrow(() -> RewardProblems.orderNotFound(orderNo));
    }

    private static RewardOrder answerExisting(StoredOrder existing, String hash) {
        if (!existing.requestHash().equals(hash)) {
            throw RewardProblems.orderConflict(existing.order().orderNo());
        }
        return existing.order().asReplay();
    }

    /**
     * A refusal, or a failure that never reached the store: nothing was written. Any
     * other failure (a timeout above all) may have written the order.
     */
    private static boolean nothingWritten(RuntimeException ex) {
        return ex instanceof ApiProblemException || ex instanceof CannotGetJdbcConnectionException
                || ex instanceof CannotCreateTransactionException || ex instanceof RedisConnectionFailureException
                // HikariCP had no connection to give, behind a statement
                || ex.getCause() instanceof SQLTransientConnectionException;
    }

    static String hash(RewardRequest request) {
        return Sha256.hex(CANONICAL.writeValueAsString(request));
    }

}
