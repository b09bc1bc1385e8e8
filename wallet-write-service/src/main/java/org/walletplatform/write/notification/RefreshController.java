package org.walletplatform.write.notification;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.walletplatform.model.notification.NotificationAccepted;
import org.walletplatform.model.notification.RefreshRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read side's pull on entry: enqueues a refresh of every push-mode line of a user.
 * Internal: the gateway does not route it (service-to-service authentication arrives with
 * the security work).
 */
@RestController
class RefreshController {

    private final NotificationIntake intake;

    RefreshController(NotificationIntake intake) {
        this.intake = intake;
    }

    @Operation(summary = "Refresh all push-mode lines of up to 500 users (internal, from the read side)")
    @PostMapping(RefreshRequest.PATH)
    @ResponseStatus(HttpStatus.ACCEPTED)
    NotificationAccepted refresh(@Valid @RequestBody RefreshRequest request) {
        return this.intake.refresh(request.userIds());
    }

}
