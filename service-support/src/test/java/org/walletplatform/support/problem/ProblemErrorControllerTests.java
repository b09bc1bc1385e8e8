package org.walletplatform.support.problem;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.ProblemTypes;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container's error page answers with the status the container set, as a problem of
 * the matching type.
 */
class ProblemErrorControllerTests {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void keepsTheContainersStatusAndGivesItsType() {
        assertProblem(400, 400, ProblemTypes.MALFORMED_REQUEST.toString());
        assertProblem(408, 408, ProblemTypes.MALFORMED_REQUEST.toString());
        assertProblem(413, 413, ProblemTypes.PAYLOAD_TOO_LARGE.toString());
        assertProblem(503, 503, ProblemTypes.SERVICE_UNAVAILABLE.toString());
        assertProblem(501, 501, ProblemTypes.INTERNAL.toString());
        assertProblem(502, 502, ProblemTypes.BAD_GATEWAY.toString());
    }

    @Test
    void namesTheRequestsOwnPathNotTheErrorPages() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/v1/notifications");

        assertThat(this.controller.error(request).getBody().getInstance()).hasToString("/v1/notifications");
    }

    @Test
    void anErrorPageWithoutAnErrorStatusIsA500() {
        assertProblem(null, 500, ProblemTypes.INTERNAL.toString());
        assertProblem(200, 500, ProblemTypes.INTERNAL.toString());
    }

    private void assertProblem(Integer containerStatus, int status, String type) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        if (containerStatus != null) {
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, containerStatus);
        }
        ResponseEntity<ProblemDetail> answer = this.controller.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getStatus()).isEqualTo(status);
        assertThat(answer.getBody().getType()).hasToString(type);
    }

}
