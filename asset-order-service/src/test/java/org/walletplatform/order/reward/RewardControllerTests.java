package org.walletplatform.order.reward;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.walletplatform.order.scene.SceneGrants;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.Errors;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.walletplatform.model.signing.RequestSignature.CALLER_LINE_ATTRIBUTE;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reward endpoint checks its body with the plain-first validator before anything
 * else.
 */
class RewardControllerTests {

    private final RewardService rewards = mock(RewardService.class);

    private final SceneGrants grants = mock(SceneGrants.class);

    private final RewardRequestValidation validation = spy(
            new RewardRequestValidation(Validation.buildDefaultValidatorFactory().getValidator()));

    private final MockMvc mvc = MockMvcBuilders
        .standaloneSetup(new RewardController(this.rewards, this.grants, this.validation))
        .build();

    @Test
    void shouldRefuseABadBodyThroughThePlainFirstValidatorAndIssueNothing() throws Exception {
        this.mvc
            .perform(post("/v1/rewards").requestAttr(CALLER_LINE_ATTRIBUTE, "gala")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"actId\":7,\"activityId\":\"gala\",\"sceneId\":\"gala-cash\",\"rainId\":\"r_1\","
                        + "\"awardType\":\"cash\",\"stage\":1,\"amountMinor\":5}"))
            .andExpect(status().isBadRequest());

        verify(this.validation).validate(any(RewardRequest.class), any(Errors.class), any(Object[].class));
        verifyNoInteractions(this.rewards, this.grants);
    }

}
