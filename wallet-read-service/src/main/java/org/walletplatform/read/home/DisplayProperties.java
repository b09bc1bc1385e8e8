package org.walletplatform.read.home;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The display configuration from application config: exactly four slots, checked when the
 * service starts.
 */
@Validated
@ConfigurationProperties("wallet.display")
record DisplayProperties(@Size(min = 4, max = 4) List<@Valid Slot> slots,
        @NotEmpty List<String> totalKinds) implements DisplayConfigSource {

    record Slot(@NotBlank String businessLine, @NotBlank String kind, @NotBlank String name, @NotBlank String icon,
            @NotBlank String link, @Pattern(regexp = "sum|count") String measure, @NotBlank String unit) {
    }

    @Override
    public DisplayConfig current() {
        return new DisplayConfig(this.slots.stream()
            .map((s) -> new DisplayConfig.SlotSpec(s.businessLine(), s.kind(), s.name(), s.icon(), s.link(),
                    s.measure(), s.unit()))
            .toList(), this.totalKinds);
    }

}
