package org.walletplatform.support.switches;

import org.walletplatform.support.caller.Callers;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ops turn switches here: {@code GET /admin/switches}, {@code PUT
 * /admin/switches/{name}}, through the gateway's admin routes; the actor recorded is the
 * verified caller.
 */
@RestController
class SwitchesController {

    private final DegradationSwitches switches;

    SwitchesController(DegradationSwitches switches) {
        this.switches = switches;
    }

    @GetMapping("/admin/switches")
    Map<String, DegradationSwitches.SwitchState> all() {
        return this.switches.all();
    }

    @PutMapping("/admin/switches/{name}")
    DegradationSwitches.SwitchState set(@PathVariable @Pattern(regexp = "[a-z0-9.-]{1,64}") String name,
            @Valid @RequestBody Change change) {
        return this.switches.set(name, change.on(), Callers.actor(), change.reason());
    }

    record Change(@NotNull Boolean on, @NotBlank @Size(max = 200) String reason) {
    }

}
