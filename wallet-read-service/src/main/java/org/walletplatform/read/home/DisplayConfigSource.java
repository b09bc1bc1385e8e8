package org.walletplatform.read.home;

import org.walletplatform.model.config.DisplayConfig;
import org.walletplatform.support.configrelease.ReleasedConfig.Versioned;

/**
 * Which display configuration a user sees: the released one, or a gray release's if the
 * user is on its whitelist ({@link DisplayConfiguration}).
 */
@FunctionalInterface
public interface DisplayConfigSource {

    Versioned<DisplayConfig> forUser(long userId);

}
