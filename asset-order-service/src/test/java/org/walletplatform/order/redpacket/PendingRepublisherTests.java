package org.walletplatform.order.redpacket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.redpacket.token.RedPacketToken;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Packets still pending after {@code republishAfter} are published again, unless they
 * settled meanwhile; nothing is, while settlement is switched off or the settlers have
 * not consumed what was published before them (they wait in Kafka).
 */
class PendingRepublisherTests {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    private final PendingTokens pending = mock(PendingTokens.class);

    private final PendingIndex index = mock(PendingIndex.class);

    private final SettlementQueue queue = mock(SettlementQueue.class);

    private final SettlementSwitch settlement = mock(SettlementSwitch.class);

    private final SettlementBacklog backlog = mock(SettlementBacklog.class);

    private PendingRepublisher republisher;

    @BeforeEach
    void setUp() {
        RedPacketProperties properties = new RedPacketProperties("k1", Map.of(), Duration.ofDays(7),
                Duration.ofDays(30), Duration.ofSeconds(30), 16, 64, Duration.ofMillis(1), 64, Duration.ofMillis(1));
        this.republisher = new PendingRepublisher(this.pending, this.index, this.queue, properties,
                Clock.fixed(NOW, ZoneOffset.UTC), this.settlement, this.backlog);
        given(this.backlog.consumedBefore(NOW.minusSeconds(30).toEpochMilli())).willReturn(true);
        given(this.index.pendingSince(NOW.minusSeconds(30).toEpochMilli(), 500)).willReturn(List.of("1", "2"));
        given(this.pending.find("1")).willReturn(Optional.of(record("1", RedPacketToken.CREATED)));
        given(this.pending.find("2")).willReturn(Optional.of(record("2", RedPacketToken.SUCCESS)));
    }

    @Test
    void shouldPublishAgainWhatIsStillPendingButNotWhatSettled() {
        given(this.settlement.isOn()).willReturn(true);

        this.republisher.republishStalePackets();

        verify(this.queue).publish(record("1", RedPacketToken.CREATED));
        verify(this.queue, never()).publish(record("2", RedPacketToken.SUCCESS));
    }

    @Test
    void shouldPublishNothingWhileSettlementIsSwitchedOff() {
        given(this.settlement.isOn()).willReturn(false);

        this.republisher.republishStalePackets();

        verifyNoInteractions(this.queue);
        verify(this.index, never()).pendingSince(anyLong(), anyInt());
    }

    @Test
    void shouldPublishNothingWhileTheSettlersHaveNotConsumedWhatWasPublishedBeforeThePackets() {
        given(this.settlement.isOn()).willReturn(true);
        given(this.backlog.consumedBefore(NOW.minusSeconds(30).toEpochMilli())).willReturn(false);

        this.republisher.republishStalePackets();

        verifyNoInteractions(this.queue);
        verify(this.index, never()).pendingSince(anyLong(), anyInt());
    }

    private static TokenRecord record(String orderNo, int status) {
        RedPacketToken token = new RedPacketToken("k1", "", 7, "gala", "gala-cash", 100, orderNo,
                NOW.minusSeconds(60).toEpochMilli(), "r1", status);
        return new TokenRecord(status, "0".repeat(64), "lessee", "production", "signed", "{}", token);
    }

}
