package org.walletplatform.write.notification;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.walletplatform.model.notification.AssetChangeNotification;
import org.walletplatform.model.notification.NotificationAccepted;
import org.walletplatform.model.notification.NotificationBatchRequest;

import static org.walletplatform.model.signing.RequestSignature.CALLER_LINE_ATTRIBUTE;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake of business lines' change notifications. Answers 202 only once the broker
 * acknowledged every notification of the request.
 */
@RestController
class NotificationController {

    private final NotificationIntake intake;

    private final NotificationValidator validator;

    NotificationController(NotificationIntake intake, NotificationValidator validator) {
        this.intake = intake;
        this.validator = validator;
    }

    /** {@code @Valid} bodies here are checked by the plain-first validator. */
    @InitBinder
    void plainFirstValidation(WebDataBinder binder) {
        binder.setValidator(this.validator);
    }

    @Operation(summary = "Accept one asset change notification",
            description = "400 problem+json on a malformed body, unknown line or bad version; 503 if the queue is down.")
    @PostMapping("/v1/notifications")
    @ResponseStatus(HttpStatus.ACCEPTED)
    NotificationAccepted accept(@RequestAttribute(CALLER_LINE_ATTRIBUTE) String caller,
            @Valid @RequestBody AssetChangeNotification notification) {
        return this.intake.accept(caller, List.of(notification));
    }

    @Operation(summary = "Accept up to 500 notifications at once, all or none")
    @PostMapping("/v1/notifications:batch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    NotificationAccepted acceptBatch(@RequestAttribute(CALLER_LINE_ATTRIBUTE) String caller,
            @Valid @RequestBody NotificationBatchRequest batch) {
        return this.intake.accept(caller, batch.notifications());
    }

}
