package org.walletplatform.baseline.read;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One Redis GET per request on the read service's stack: the ceiling a wallet read on
 * that stack can approach.
 */
@SpringBootApplication
@RestController
public class BareReadApplication {

    private final StringRedisTemplate redis;

    BareReadApplication(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @GetMapping(path = "/bare/{userId}", produces = MediaType.APPLICATION_JSON_VALUE)
    String read(@PathVariable long userId) {
        return this.redis.opsForValue().get("bare:" + userId);
    }

    public static void main(String[] args) {
        SpringApplication.run(BareReadApplication.class, args);
    }

}
