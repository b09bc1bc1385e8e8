package org.walletplatform.simulator.line;

import org.walletplatform.model.ProblemTypes;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * No simulated line has this id (or it does not offer the requested call).
 */
class UnknownLineException extends ApiProblemException {

    UnknownLineException(String line) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Unknown line",
                "The simulator has no line '" + line + "'.");
    }

}
