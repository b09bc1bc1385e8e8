package org.walletplatform.read.home;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.walletplatform.model.config.DisplayConfig;
import org.walletplatform.model.config.DisplayConfig.Slot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The built-in display configuration (application config), checked when the service
 * starts: what users see until the first release, and whenever neither Redis nor the
 * mirror held one when the service started.
 */
@Validated
@ConfigurationProperties("wallet.display")
record DisplayProperties(@Size(min = 4, max = 4) List<@Valid Slot> slots, @NotEmpty List<@NotBlank String> totalKinds) {

    DisplayConfig builtIn() {
        return new DisplayConfig(this.slots, this.totalKinds);
    }

}
