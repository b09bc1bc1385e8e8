package org.walletplatform.read.home;

import org.walletplatform.model.config.DisplayConfig;

/**
 * Which display configuration a user sees: the released one, or a gray release's if the
 * user is on its whitelist ({@link DisplayConfiguration}).
 */
@FunctionalInterface
public interface DisplayConfigSource {

    DisplayConfig forUser(long userId);

}
