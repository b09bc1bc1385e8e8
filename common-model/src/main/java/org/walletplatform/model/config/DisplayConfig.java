package org.walletplatform.model.config;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the wallet's home entry shows: four quick-access slots and which asset kinds count
 * toward the totals. Released as versions by the write service's configuration admin and
 * read by the read service.
 *
 * @param slots exactly four, in display order
 * @param totalKinds the asset kinds summed per unit into the totals
 */
public record DisplayConfig(@NotNull @Size(min = 4, max = 4) List<@NotNull @Valid Slot> slots,
        @NotEmpty List<@NotBlank @Size(max = 64) String> totalKinds) {

    /**
     * @param businessLine the line whose assets fill the slot
     * @param kind the asset kind counted
     * @param measure {@code sum} of the amounts or {@code count} of the assets
     */
    public record Slot(@NotBlank @Size(max = 64) String businessLine, @NotBlank @Size(max = 64) String kind,
            @NotBlank @Size(max = 64) String name, @NotBlank @Size(max = 512) String icon,
            @NotBlank @Size(max = 512) String link, @NotNull @Pattern(regexp = "sum|count") String measure,
            @NotBlank @Size(max = 16) String unit) {
    }

}
