package org.walletplatform.order;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The order service on a random port against the real engines, with the scenes and
 * activities the HTTP tests use: one Spring context shared by every class carrying this.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "order.scenes.it-coupon.award-type=coupon", "order.scenes.it-coupon.budget-minor=100000000",
                "order.scenes.it-coupon.per-transaction-limit-minor=1000", "order.scenes.it-tiny.award-type=voucher",
                "order.scenes.it-tiny.budget-minor=1000", "order.scenes.it-tiny.per-transaction-limit-minor=100",
                "order.scenes.it-tiny.lease-chunk-minor=100", "order.scenes.it-limited.award-type=item",
                "order.scenes.it-limited.budget-minor=100000", "order.scenes.it-limited.per-transaction-limit-minor=10",
                "order.scenes.it-limited.rate-per-second=5", "order.scenes.it-cash.award-type=cash",
                "order.scenes.it-cash.budget-minor=100000000", "order.scenes.it-cash.per-transaction-limit-minor=20000",
                "order.scenes.it-patient.award-type=coupon", "order.scenes.it-patient.budget-minor=100000000",
                "order.scenes.it-patient.per-transaction-limit-minor=1000",
                "order.scenes.it-patient.reconcile-dead-grace=1h", "order.activities.it-testing.phases[0].name=test",
                "order.activities.it-testing.phases[0].from=2020-01-01T00:00:00Z",
                "order.activities.it-testing.phases[0].to=2100-01-01T00:00:00Z",
                "order.activities.it-over.phases[0].name=production",
                "order.activities.it-over.phases[0].from=2020-01-01T00:00:00Z",
                "order.activities.it-over.phases[0].to=2021-01-01T00:00:00Z" })
@ActiveProfiles("test")
public @interface OrderServiceTest {

}
