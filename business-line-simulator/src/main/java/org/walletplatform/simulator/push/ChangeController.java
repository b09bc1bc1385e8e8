package org.walletplatform.simulator.push;

import jakarta.validation.Valid;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts runs of simulated asset changes (optionally pushed to the wallet) and reports
 * their progress.
 */
@RestController
class ChangeController {

    private final ChangeRunner runner;

    ChangeController(ChangeRunner runner) {
        this.runner = runner;
    }

    @PostMapping("/sim/changes")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ChangeRun start(@Valid @RequestBody ChangeRequest request) {
        return this.runner.start(request);
    }

    @GetMapping("/sim/changes/{id}")
    ChangeRun progress(@PathVariable long id) {
        ChangeRun run = this.runner.get(id);
        if (run == null) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Unknown run",
                    "No change run " + id + ".");
        }
        return run;
    }

}
