package org.walletplatform.write.notification;

import java.net.http.HttpClient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the intake's HTTP tests share: the running service's port, an HTTP client, and a
 * probe on the notifications topic of the real broker. Subclasses carry
 * {@code @SpringBootTest} with a random port.
 */
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IntakeHttpIT {

    protected final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Autowired
    protected JsonMapper json;

    protected TopicProbe topic;

    @BeforeAll
    void watchTheTopic() {
        this.topic = new TopicProbe(this.bootstrapServers);
    }

    @AfterAll
    void closeTheProbe() {
        this.topic.close();
    }

}
