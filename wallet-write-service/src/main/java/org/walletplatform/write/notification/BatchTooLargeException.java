package org.walletplatform.write.notification;

import java.util.Map;

import org.walletplatform.model.ProblemTypes;
import org.walletplatform.model.notification.NotificationBatchRequest;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A batch of more than {@link NotificationBatchRequest#MAX_SIZE} notifications.
 */
class BatchTooLargeException extends ApiProblemException {

    BatchTooLargeException(int size) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.BATCH_TOO_LARGE, "Batch too large", "A batch holds at most "
                + NotificationBatchRequest.MAX_SIZE + " notifications; this one holds " + size + ".",
                Map.of("field", "notifications", "maxSize", NotificationBatchRequest.MAX_SIZE));
    }

}
