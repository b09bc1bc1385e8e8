package org.walletplatform.order.reward;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.walletplatform.model.reward.OrderNumber.InvalidOrderNumberException;
import org.walletplatform.order.scene.SceneGrants;
import org.walletplatform.support.linesigning.DeferredNonce;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.walletplatform.model.signing.RequestSignature.CALLER_LINE_ATTRIBUTE;

/**
 * Unified reward ingestion: one endpoint for every reward type. Business lines sign these
 * calls (the signed-lines filter verifies them); a line issues in, and reads orders of,
 * only the scenes granted to it.
 */
@RestController
class RewardController {

    private final RewardService rewards;

    private final SceneGrants grants;

    private final RewardRequestValidation validation;

    RewardController(RewardService rewards, SceneGrants grants, RewardRequestValidation validation) {
        this.rewards = rewards;
        this.grants = grants;
        this.validation = validation;
    }

    /** {@code @Valid} bodies here are checked by the plain-first validator. */
    @InitBinder
    void plainFirstValidation(WebDataBinder binder) {
        binder.setValidator(this.validation);
    }

    @Operation(summary = "Issue a reward (idempotent by order number)",
            description = "201 with the new order; 200 with the stored order marked replay for a retry of the same "
                    + "request; 409 order-conflict for the same order number with other content, 409 stock-low once "
                    + "the scene's budget is down to its reserve; 422 for an unknown scene, a scene of another award "
                    + "type or an amount above the scene's per-transaction limit; 400 for malformed fields.")
    @PostMapping("/v1/rewards")
    ResponseEntity<RewardOrder> issue(@RequestAttribute(CALLER_LINE_ATTRIBUTE) String line,
            @RequestAttribute(name = DeferredNonce.ATTRIBUTE, required = false) DeferredNonce nonce,
            @Valid @RequestBody RewardRequest request) {
        this.grants.require(line, request.sceneId());
        RewardOrder order = this.rewards.issue(request, nonce);
        return ResponseEntity.status(order.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(order);
    }

    @Operation(summary = "A reward order and its state",
            description = "400 invalid-order-number when the number "
                    + "does not have its five well-formed parts; 404 when there is no such order.")
    @GetMapping("/v1/rewards/{orderNo}")
    RewardOrder order(@RequestAttribute(CALLER_LINE_ATTRIBUTE) String line, @PathVariable String orderNo) {
        try {
            RewardOrder order = this.rewards.find(orderNo);
            this.grants.require(line, order.sceneId());
            return order;
        }
        catch (InvalidOrderNumberException ex) {
            throw RewardProblems.invalidOrderNumber(ex.getMessage());
        }
    }

}
