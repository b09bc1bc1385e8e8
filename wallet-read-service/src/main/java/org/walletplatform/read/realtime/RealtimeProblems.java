package org.walletplatform.read.realtime;

import java.util.Map;

import org.walletplatform.model.ProblemTypes;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * Refusals of the real-time query API.
 */
final class RealtimeProblems {

    private RealtimeProblems() {
    }

    static ApiProblemException unknownLine(String line) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.UNKNOWN_BUSINESS_LINE,
                "Unknown business line", "'" + line + "' is not a business line queried in real time.",
                Map.of("field", "line"));
    }

    static ApiProblemException lineUnavailable(String line) {
        return new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.LINE_UNAVAILABLE,
                "Business line unavailable",
                "'" + line + "' is not answering and the wallet has nothing cached for this request; retry later.",
                Map.of("businessLine", line));
    }

}
