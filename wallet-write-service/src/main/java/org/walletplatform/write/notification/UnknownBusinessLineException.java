package org.walletplatform.write.notification;

import java.util.Map;

import org.walletplatform.model.ProblemTypes;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A notification named a business line that is not integrated in push mode.
 */
class UnknownBusinessLineException extends ApiProblemException {

    UnknownBusinessLineException(String field, String businessLine) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.UNKNOWN_BUSINESS_LINE, "Unknown business line",
                "Business line '" + businessLine + "' is not integrated with the wallet in push mode.",
                Map.of("field", field, "businessLine", businessLine));
    }

}
