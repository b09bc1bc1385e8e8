package org.walletplatform.simulator.push;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.walletplatform.model.notification.AssetChangeNotification;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.simulator.line.SimulatedLine;
import org.walletplatform.simulator.line.SimulatedLines;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts runs of simulated asset changes (optionally pushed to the wallet) and reports
 * their progress.
 */
@RestController
class ChangeController {

    private final ChangeRunner runner;

    private final SimulatedLines lines;

    private final IntakeClient intake;

    ChangeController(ChangeRunner runner, SimulatedLines lines, IntakeClient intake) {
        this.runner = runner;
        this.lines = lines;
        this.intake = intake;
    }

    @PostMapping("/sim/changes")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ChangeRun start(@Valid @RequestBody ChangeRequest request) {
        return this.runner.start(request);
    }

    /**
     * Empties one user's assets in one line (a new version holding nothing) and, if
     * {@code push}, notifies the wallet of it before answering.
     */
    @PostMapping("/sim/lines/{line}/users/{userId}/empty")
    EmptiedUser empty(@PathVariable String line, @PathVariable @Positive long userId,
            @RequestParam(defaultValue = "true") boolean push) {
        SimulatedLine target = this.lines.get(line);
        long version = target.empty(userId);
        boolean pushed = push && this.intake.push(target.id(), target.secret(),
                List.of(AssetChangeNotification.of(userId, target.id(), version)));
        return new EmptiedUser(userId, line, version, pushed);
    }

    record EmptiedUser(long userId, String businessLine, long version, boolean pushed) {
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
