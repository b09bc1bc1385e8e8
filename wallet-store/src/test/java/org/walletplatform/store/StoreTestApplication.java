package org.walletplatform.store;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The smallest application that uses the store, for the store's own integration tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WalletStoreConfiguration.class)
public class StoreTestApplication {

}
