package org.walletplatform.order.identity;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.walletplatform.support.caller.Callers;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Binding app accounts to actIDs, and the ops action that merges two actIDs.
 */
@RestController
class IdentityController {

    private final Identities identities;

    IdentityController(Identities identities) {
        this.identities = identities;
    }

    @Operation(summary = "The actID of an app account, binding it on first sight",
            description = "Idempotent. With a phone number bound to an actID already, a new account joins it; "
                    + "if the account and the phone belong to different actIDs, the answer names the phone's as "
                    + "mergeCandidate and nothing is merged.")
    @PostMapping("/v1/identities:bind")
    Identities.Binding bind(@Valid @RequestBody BindRequest request) {
        return this.identities.bind(request.appId(), request.appUserId(), request.phone());
    }

    @Operation(summary = "Merge two actIDs (ops; audited)")
    @PostMapping("/admin/identities:merge")
    MergeResult merge(@Valid @RequestBody MergeRequest request) {
        return new MergeResult(
                this.identities.merge(request.fromActId(), request.intoActId(), Callers.actor(), request.reason()));
    }

    record BindRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String appId,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String appUserId,
            @Pattern(regexp = "\\+?[0-9 ()-]{6,24}") String phone) {
    }

    record MergeRequest(@NotNull @Positive Long fromActId, @NotNull @Positive Long intoActId,
            @NotBlank @Size(max = 200) String reason) {
    }

    record MergeResult(long actId) {
    }

}
