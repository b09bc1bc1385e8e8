package org.walletplatform.write.notification;

import java.util.Map;

import org.walletplatform.model.ProblemTypes;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * The broker did not acknowledge every notification in time. Nothing is lost by retrying:
 * notifications carry no data, so a duplicate only causes one more pull of the latest
 * snapshot.
 */
class QueueUnavailableException extends ApiProblemException {

    QueueUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.QUEUE_UNAVAILABLE, "Notification queue unavailable",
                "The notifications were not acknowledged by the queue; retry the request.", Map.of(), cause);
    }

}
