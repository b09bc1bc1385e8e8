package org.walletplatform.write.config;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.model.config.DisplayConfig;
import org.walletplatform.support.configrelease.ReleaseKeys;
import org.walletplatform.support.problem.ApiProblemException;
import org.walletplatform.write.config.ReleaseRequests.DisplayRelease;
import org.walletplatform.write.config.ReleaseRequests.GrayDecision;
import org.walletplatform.write.config.ReleaseRequests.IntegrationRelease;
import org.walletplatform.write.config.ReleaseRequests.Rollback;
import org.walletplatform.write.config.ReleaseRequests.WhitelistChange;
import org.walletplatform.write.notification.IntegratedLinesProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ops release configurations (through the gateway: {@code /admin/write/config/…}): a new
 * version to everyone or first to a whitelist of users (gray), then widen, promote or
 * abort it, and roll back to any earlier version.
 */
@RestController
class ConfigReleaseController {

    private final ConfigReleases releases;

    private final IntegratedLinesProperties lines;

    private final JsonMapper json;

    ConfigReleaseController(ConfigReleases releases, IntegratedLinesProperties lines, JsonMapper json) {
        this.releases = releases;
        this.lines = lines;
        this.json = json;
    }

    @Operation(summary = "A configuration's versions in force: for everyone, and for the gray release's users")
    @GetMapping("/admin/config/{name}")
    ConfigView state(@PathVariable String name) {
        return this.releases.view(known(name));
    }

    @Operation(summary = "Release a display configuration: to everyone, or to the whitelist's users first (gray)",
            description = "201 with the new state. 409 config-revision-conflict if the revision is not the current "
                    + "one, config-release-conflict while a gray release runs; 400 naming the field for a "
                    + "configuration that is not four well-formed slots on integrated lines.")
    @PostMapping("/admin/config/display/releases")
    ResponseEntity<ConfigView> releaseDisplay(@Valid @RequestBody DisplayRelease request) {
        List<DisplayConfig.Slot> slots = request.config().slots();
        for (int i = 0; i < slots.size(); i++) {
            String line = slots.get(i).businessLine();
            if (!this.lines.businessLines().containsKey(line)) {
                throw unknownLine("config.slots[" + i + "].businessLine", line, "integrated with the wallet");
            }
        }
        return created(ReleaseKeys.DISPLAY, request.revision(), request.config(), request.users(), request);
    }

    @Operation(
            summary = "Release where and how the lines are called: to everyone, or to the whitelist's users first (gray)",
            description = "pushLines: how the sync worker pulls a push line's snapshots; realtimeLines: how the read "
                    + "service queries a real-time line. A line named is called with these settings, one not named "
                    + "with its built-in ones. 409 as for the display release; 400 naming the field for a line not "
                    + "integrated in that mode, or settings out of range.")
    @PostMapping("/admin/config/integration/releases")
    ResponseEntity<ConfigView> releaseIntegration(@Valid @RequestBody IntegrationRelease request) {
        requireMode(request.config().pushLines().keySet(), "pushLines", this.lines::accepts, "push");
        requireMode(request.config().realtimeLines().keySet(), "realtimeLines", this.lines::queriedInRealtime,
                "real-time");
        return created(ReleaseKeys.INTEGRATION, request.revision(), request.config(), request.users(), request);
    }

    private ResponseEntity<ConfigView> created(String name, long revision, Object config, List<Long> whitelist,
            Object request) {
        ConfigView view = this.releases.release(name, revision, this.json.valueToTree(config), whitelist, request);
        long version = (view.state().gray() != null) ? view.state().gray().version() : view.state().stable().version();
        return ResponseEntity.created(URI.create("/admin/config/" + name + "/versions/" + version)).body(view);
    }

    private static void requireMode(Set<String> lines, String field, Predicate<String> inMode, String mode) {
        lines.stream().filter(inMode.negate()).findFirst().ifPresent((line) -> {
            throw unknownLine("config." + field + "[" + line + "]", line,
                    "integrated with the wallet in " + mode + " mode");
        });
    }

    private static ApiProblemException unknownLine(String field, String line, String how) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.UNKNOWN_BUSINESS_LINE,
                "Unknown business line", "Business line '" + line + "' is not " + how + ".",
                Map.of("field", field, "businessLine", line));
    }

    @Operation(summary = "Replace the gray release's whitelist (widen or narrow it)")
    @PutMapping("/admin/config/{name}/gray/whitelist")
    ConfigView whitelist(@PathVariable String name, @Valid @RequestBody WhitelistChange request) {
        return this.releases.changeWhitelist(known(name), request.revision(), request.whitelist(), request);
    }

    @Operation(summary = "Release the gray version to everyone")
    @PostMapping("/admin/config/{name}/gray/promote")
    ConfigView promote(@PathVariable String name, @Valid @RequestBody GrayDecision request) {
        return this.releases.promote(known(name), request.revision(), request);
    }

    @Operation(summary = "End the gray release: its users see the version in force again")
    @PostMapping("/admin/config/{name}/gray/abort")
    ConfigView abort(@PathVariable String name, @Valid @RequestBody GrayDecision request) {
        return this.releases.abort(known(name), request.revision(), request);
    }

    @Operation(summary = "Put everyone back on an earlier version")
    @PostMapping("/admin/config/{name}/rollback")
    ConfigView rollback(@PathVariable String name, @Valid @RequestBody Rollback request) {
        return this.releases.rollback(known(name), request.revision(), request.version(), request);
    }

    @Operation(summary = "The changes made, latest first: who released, promoted, aborted or rolled back what")
    @GetMapping("/admin/config/{name}/changes")
    List<ConfigChange> changes(@PathVariable String name,
            @RequestParam(defaultValue = "9223372036854775807") @Positive long before,
            @RequestParam(defaultValue = "50") @Positive @Max(500) int limit) {
        return this.releases.changes(known(name), before, limit);
    }

    @Operation(summary = "One version's configuration")
    @GetMapping("/admin/config/{name}/versions/{version}")
    JsonNode version(@PathVariable String name, @PathVariable @Positive long version) {
        return this.releases.version(known(name), version);
    }

    private static String known(String name) {
        if (!ReleaseKeys.NAMES.contains(name)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No such configuration",
                    "No configuration is named '" + name + "'; released here: " + ReleaseKeys.NAMES + ".");
        }
        return name;
    }

}
