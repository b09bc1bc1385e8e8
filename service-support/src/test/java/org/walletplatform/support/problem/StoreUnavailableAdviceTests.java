package org.walletplatform.support.problem;

import io.lettuce.core.RedisCommandExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.walletplatform.model.ProblemTypes;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisPipelineException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A store that did not answer, or Redis answering "not now", is a 503 to retry; anything
 * else unexpected stays a 500.
 */
class StoreUnavailableAdviceTests {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
        .setControllerAdvice(new ProblemDetailsAdvice(), new StoreUnavailableAdvice(), new RedisUnavailableAdvice())
        .build();

    @ParameterizedTest
    @ValueSource(strings = { "redis-timeout", "redis-down", "mysql-down", "no-transaction", "redis-slot-moving",
            "redis-pipeline-slot-moving", "redis-pipeline-timeout", "redis-cluster-down" })
    void shouldAnswer503WithRetryAfterWhenAStoreDidNotAnswer(String failure) throws Exception {
        this.mvc.perform(get("/fail/" + failure))
            .andExpect(status().isServiceUnavailable())
            .andExpect(header().string("Content-Type", "application/problem+json"))
            .andExpect(header().string("Retry-After", "1"))
            .andExpect(jsonPath("$.type").value(ProblemTypes.SERVICE_UNAVAILABLE.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "bug", "redis-error" })
    void shouldAnswer500ForAnythingElse(String failure) throws Exception {
        this.mvc.perform(get("/fail/" + failure))
            .andExpect(status().isInternalServerError())
            .andExpect(jsonPath("$.type").value(ProblemTypes.INTERNAL.toString()));
    }

    @RestController
    static class FailingController {

        @GetMapping("/fail/{failure}")
        String fail(@PathVariable String failure) {
            throw switch (failure) {
                case "redis-timeout" -> new QueryTimeoutException("Redis command timed out");
                case "redis-down" -> new RedisConnectionFailureException("Unable to connect to Redis");
                case "mysql-down" -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
                case "no-transaction" -> new CannotCreateTransactionException("Could not open JDBC Connection");
                // as Spring Data Redis reports what Redis answered (RedisSlotMigrationIT
                // sees the first)
                case "redis-slot-moving" -> new RedisSystemException("Error in execution",
                        new RedisCommandExecutionException("TRYAGAIN Multiple keys request during rehashing of slot"));
                case "redis-pipeline-slot-moving" -> new RedisPipelineException(
                        new RedisCommandExecutionException("TRYAGAIN Multiple keys request during rehashing of slot"));
                // a command of a pipeline timed out (Redis paused): a 500 for a moment in
                // stop 42, when only Redis's own answer was looked at
                case "redis-pipeline-timeout" ->
                    new RedisPipelineException(new QueryTimeoutException("Redis command timed out"));
                case "redis-cluster-down" -> new RedisSystemException("Error in execution",
                        new RedisCommandExecutionException("CLUSTERDOWN The cluster is down"));
                case "redis-error" -> new RedisSystemException("Error in execution",
                        new RedisCommandExecutionException("ERR Error running script: attempt to compare nil"));
                default -> new IllegalStateException("a bug");
            };
        }

    }

}
