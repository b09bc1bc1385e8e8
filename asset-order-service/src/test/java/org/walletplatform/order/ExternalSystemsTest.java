package org.walletplatform.order;

import org.walletplatform.order.delivery.StubDownstream;
import org.walletplatform.order.flow.StubC2c;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The order service on a random port with stubs for the systems it calls and does not own
 * (the payment downstream, the C2C red-packet service): one Spring context shared by
 * every test class extending this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "order.scenes.wd-cash.award-type=cash", "order.scenes.wd-cash.budget-minor=100000000",
                "order.scenes.wd-cash.per-transaction-limit-minor=20000", "order.withdrawal.per-user-per-minute=40" })
@ActiveProfiles("test")
public abstract class ExternalSystemsTest {

    protected static final StubDownstream PAYMENTS = new StubDownstream();

    protected static final StubC2c C2C = new StubC2c();

    @DynamicPropertySource
    static void externalSystems(DynamicPropertyRegistry registry) {
        registry.add("order.delivery.downstreams.payment", PAYMENTS::url);
        registry.add("order.flow.c2c-url", C2C::url);
    }

}
