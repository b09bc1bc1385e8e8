package org.walletplatform.baseline.order;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * One INSERT per request on the order service's stack, nothing checked: the ceiling of
 * writing each order synchronously to MariaDB.
 */
@SpringBootApplication
@RestController
public class BareOrderApplication {

    private final JdbcTemplate jdbc;

    BareOrderApplication(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PostMapping("/bare/orders")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> insert(@RequestBody Map<String, Object> order) {
        String orderNo = order.get("actId") + "_" + order.get("sceneId") + "_" + order.get("rainId") + "_"
                + order.get("awardType") + "_" + order.get("stage");
        this.jdbc.update(
                "INSERT INTO bare_order (order_no, act_id, amount_minor, payload, created_at_ms)"
                        + " VALUES (?, ?, ?, ?, ?)",
                orderNo, ((Number) order.get("actId")).longValue(), ((Number) order.get("amountMinor")).longValue(),
                "{}", System.currentTimeMillis());
        return Map.of("orderNo", orderNo, "state", "accepted");
    }

    public static void main(String[] args) {
        SpringApplication.run(BareOrderApplication.class, args);
    }

}
