package org.walletplatform.write.notification;

import java.util.Map;

import org.walletplatform.model.ProblemTypes;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A business line pushed a notification for another line.
 */
class LineForbiddenException extends ApiProblemException {

    LineForbiddenException(String field, String caller, String businessLine) {
        super(HttpStatus.FORBIDDEN, ProblemTypes.LINE_FORBIDDEN, "Not your business line", "Business line '" + caller
                + "' may only push notifications for itself, not for '" + businessLine + "'.",
                Map.of("field", field, "businessLine", businessLine));
    }

}
