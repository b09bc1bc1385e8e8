package org.walletplatform.order.reward;

import java.net.URI;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.walletplatform.model.reward.AwardType;
import org.walletplatform.model.reward.OrderNumber;
import org.walletplatform.order.activity.Activities;
import org.walletplatform.order.activity.ActivitiesProperties.Phase;
import org.walletplatform.order.budget.Budgets;
import org.walletplatform.order.identity.Identities;
import org.walletplatform.order.scene.Scene;
import org.walletplatform.order.scene.SceneRateLimits;
import org.walletplatform.order.scene.Scenes;
import org.walletplatform.support.linesigning.DeferredNonce;
import org.walletplatform.support.linesigning.RequestNonces;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The budget around a failed write: a refusal gives the amount back, a write whose
 * outcome is unknown keeps it spent so that the budget is never exceeded.
 */
class RewardServiceTests {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private static final Scene SCENE = new Scene("s-cash", AwardType.CASH, 1_000_000, 100, 0, 1_000, 0);

    private final Budgets budgets = mock(Budgets.class);

    private final FailingType type = new FailingType();

    private RewardService service;

    @BeforeEach
    void setUp() {
        Scenes scenes = mock(Scenes.class);
        given(scenes.find("s-cash")).willReturn(Optional.of(SCENE));
        SceneRateLimits limits = mock(SceneRateLimits.class);
        given(limits.tryAcquire(SCENE)).willReturn(true);
        Activities activities = mock(Activities.class);
        given(activities.exists("gala")).willReturn(true);
        given(activities.phaseAt("gala", NOW))
            .willReturn(Optional.of(new Phase("production", Instant.EPOCH, Instant.MAX)));
        given(this.budgets.take(any(), anyLong())).willReturn("lessee-1");
        this.service = new RewardService(scenes, limits, this.budgets, new RewardTypes(List.of(this.type)),
                Clock.fixed(NOW, ZoneOffset.UTC), mock(Identities.class), activities, mock(RequestNonces.class));
    }

    @Test
    void shouldKeepTheAmountSpentWhenTheWritesOutcomeIsUnknown() {
        this.type.failure = new QueryTimeoutException("Redis command timed out");

        assertThatExceptionOfType(QueryTimeoutException.class).isThrownBy(() -> this.service.issue(request(), null));

        verify(this.budgets).take(SCENE, 50);
        verify(this.budgets, never()).putBack(any(), anyLong(), any());
    }

    static List<RuntimeException> failuresBeforeAnyWrite() {
        return List.of(
                new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, URI.create("https://walletplatform.org/t"),
                        "Refused", "refused", Map.of()),
                new CannotGetJdbcConnectionException("MySQL is down"),
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction"),
                new RedisConnectionFailureException("Unable to connect to Redis"),
                // what a statement through ShardingSphere says while MySQL is down
                new TransientDataAccessResourceException("PreparedStatementCallback",
                        new SQLTransientConnectionException("HikariPool-3 - Connection is not available")));
    }

    @ParameterizedTest
    @MethodSource("failuresBeforeAnyWrite")
    void shouldGiveTheAmountBackWhenNothingCouldHaveBeenWritten(RuntimeException failure) {
        this.type.failure = failure;

        assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.service.issue(request(), null))
            .isSameAs(failure);

        verify(this.budgets).putBack(SCENE, 50, "lessee-1");
    }

    private static RewardRequest request() {
        return new RewardRequest(42L, null, null, "gala", "s-cash", "rain-1", "cash", 1, 50L, Map.of());
    }

    private static final class FailingType implements RewardType {

        RuntimeException failure;

        @Override
        public Set<AwardType> awardTypes() {
            return Set.of(AwardType.values()); // every kind must be served
        }

        @Override
        public IssueOutcome issue(RewardOrder order, String requestHash, String lessee, DeferredNonce nonce) {
            throw this.failure;
        }

        @Override
        public Optional<StoredOrder> find(OrderNumber number) {
            return Optional.empty();
        }

    }

}
