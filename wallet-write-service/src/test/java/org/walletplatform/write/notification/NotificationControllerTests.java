package org.walletplatform.write.notification;

import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.Topics;
import org.walletplatform.model.notification.NotificationBatchRequest;
import org.walletplatform.model.signing.RequestSignature;
import org.walletplatform.support.problem.ProblemDetailsAdvice;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.Errors;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(NotificationController.class)
@Import({ NotificationIntake.class, IntakeMetrics.class, NotificationValidator.class, ProblemDetailsAdvice.class,
        NotificationControllerTests.Meters.class })
@EnableConfigurationProperties({ IntegratedLinesProperties.class, IntakeProperties.class })
class NotificationControllerTests {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private KafkaTemplate<String, String> kafka;

    @MockitoSpyBean
    private NotificationValidator validator;

    @Test
    void shouldAnswer503WhenTheBrokerDoesNotAcknowledge() throws Exception {
        given(this.kafka.send(eq(Topics.NOTIFICATIONS), anyString(), anyString()))
            .willReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));

        this.mvc
            .perform(post("/v1/notifications").requestAttr(RequestSignature.CALLER_LINE_ATTRIBUTE, "cash")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":5,\"businessLine\":\"cash\"}"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("https://walletplatform.org/problems/queue-unavailable"));
    }

    @Test
    void shouldSendEveryNotificationOfABatchKeyedByUser() throws Exception {
        given(this.kafka.send(eq(Topics.NOTIFICATIONS), anyString(), anyString()))
            .willReturn(CompletableFuture.completedFuture(new SendResult<>(null, null)));

        this.mvc
            .perform(post("/v1/notifications:batch").requestAttr(RequestSignature.CALLER_LINE_ATTRIBUTE, "cash")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"notifications\":[{\"userId\":5,\"businessLine\":\"cash\"},"
                        + "{\"userId\":6,\"businessLine\":\"cash\",\"version\":3}]}"))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.accepted").value(2));
        verify(this.kafka, times(1)).send(eq(Topics.NOTIFICATIONS), eq("5"), anyString());
        verify(this.kafka, times(1)).send(eq(Topics.NOTIFICATIONS), eq("6"), anyString());
    }

    @Test
    void shouldValidateBodiesWithThePlainFirstValidatorAndNameTheBadField() throws Exception {
        this.mvc
            .perform(post("/v1/notifications:batch").requestAttr(RequestSignature.CALLER_LINE_ATTRIBUTE, "cash")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"notifications\":[{\"userId\":5,\"businessLine\":\"cash\"},"
                        + "{\"userId\":-6,\"businessLine\":\"cash\"}]}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://walletplatform.org/problems/validation"))
            .andExpect(jsonPath("$.violations[0].field").value("notifications[1].userId"));
        verify(this.validator).validate(any(NotificationBatchRequest.class), any(Errors.class), any(Object[].class));
        verify(this.kafka, never()).send(anyString(), anyString(), anyString());
    }

    @Test
    void shouldRefuseANotificationForAnotherLineAndSendNothing() throws Exception {
        this.mvc
            .perform(post("/v1/notifications:batch").requestAttr(RequestSignature.CALLER_LINE_ATTRIBUTE, "cash")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"notifications\":[{\"userId\":5,\"businessLine\":\"cash\"},"
                        + "{\"userId\":6,\"businessLine\":\"coins\"}]}"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.type").value("https://walletplatform.org/problems/line-forbidden"))
            .andExpect(jsonPath("$.field").value("notifications[1].businessLine"));
        verify(this.kafka, never()).send(anyString(), anyString(), anyString());
    }

    @TestConfiguration
    static class Meters {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

    }

}
