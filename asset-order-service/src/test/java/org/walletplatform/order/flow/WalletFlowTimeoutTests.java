package org.walletplatform.order.flow;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WalletFlowTimeoutTests {

    @Test
    void aSourceThatDoesNotAnswerInTimeIsLeftOutAndThePageMarkedPartial() {
        FlowSource quick = source("settlement",
                () -> List.of(new FlowItem("settlement", "e1", 1_000, 5, "packet", "settled")));
        FlowSource stuck = source("withdrawal", () -> {
            Thread.sleep(10_000);
            return List.of();
        });
        WalletFlow flow = new WalletFlow(List.of(quick, stuck), new FlowProperties(URI.create("http://127.0.0.1:1/c2c"),
                Duration.ofMillis(800), Duration.ofMillis(300)));

        long started = System.nanoTime();
        FlowPage page = flow.page(42, null, 10);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(page.items()).extracting(FlowItem::id).containsExactly("e1");
        assertThat(page.partial()).isTrue();
        assertThat(page.unavailable()).containsExactly("withdrawal");
    }

    private static FlowSource source(String name, Answer answer) {
        return new FlowSource() {

            @Override
            public String name() {
                return name;
            }

            @Override
            public List<FlowItem> items(long actId, FlowPosition.Bound bound, int limit) {
                try {
                    return answer.items();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }

        };
    }

    interface Answer {

        List<FlowItem> items() throws InterruptedException;

    }

}
