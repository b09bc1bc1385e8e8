package org.walletplatform.support.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.walletplatform.model.ProblemTypes;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The container's error page as a problem. Errors the container answers itself reach it,
 * such as a request body that ended before its declared length (Tomcat's
 * {@code sendError(400)} while the body is read, which discards what the application
 * wrote). Before, Boot's error controller wrote its own JSON shape or an HTML page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)
                ? HttpStatus.resolve(code) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = status.is5xxServerError() ? "The request could not be completed; it is safe to retry."
                : "The request could not be read (" + status.getReasonPhrase()
                        + "): a body that ended before its declared length, or did not arrive in time, or the like.";
        ProblemDetail problem = Problems.of(status, ProblemTypes.forStatus(status.value()), status.getReasonPhrase(),
                detail);
        // the request's own path, not the error page's
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            problem.setInstance(UriComponentsBuilder.fromPath(path).build().toUri());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

}
