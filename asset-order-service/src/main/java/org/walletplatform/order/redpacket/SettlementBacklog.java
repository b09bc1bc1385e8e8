package org.walletplatform.order.redpacket;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.walletplatform.model.Topics;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Whether the settlers have consumed everything published for settlement before a moment:
 * on every partition of the topic, the settler group's committed offset has reached the
 * first record published at or after it. Until then a packet issued before that moment
 * may simply be waiting in the queue (after a peak, a backlog takes minutes to drain), so
 * publishing it again would only add work.
 */
@Component
class SettlementBacklog implements DisposableBean {

    private static final long TIMEOUT_SECONDS = 5;

    private final Admin admin;

    private final String group;

    SettlementBacklog(KafkaAdmin kafka, @Value(Settler.GROUP) String group) {
        this.admin = Admin.create(kafka.getConfigurationProperties());
        this.group = group;
    }

    /**
     * Whether every record published before {@code epochMillis} has been consumed.
     * @throws IllegalStateException when Kafka does not answer
     */
    boolean consumedBefore(long epochMillis) {
        try {
            List<TopicPartition> partitions = this.admin.describeTopics(List.of(Topics.REDPACKET_SETTLEMENTS))
                .allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(Topics.REDPACKET_SETTLEMENTS)
                .partitions()
                .stream()
                .map((info) -> new TopicPartition(Topics.REDPACKET_SETTLEMENTS, info.partition()))
                .toList();
            Map<TopicPartition, Long> firstAtOrAfter = offsets(partitions, OffsetSpec.forTimestamp(epochMillis));
            Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(this.group)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (TopicPartition partition : partitions) {
                // no record at or after the moment: all of the partition is older
                long target = firstAtOrAfter.get(partition) >= 0 ? firstAtOrAfter.get(partition) : ends.get(partition);
                OffsetAndMetadata position = committed.get(partition);
                if (((position != null) ? position.offset() : 0) < target) {
                    return false;
                }
            }
            return true;
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("The settlement backlog could not be read", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the settlement backlog was read", ex);
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, ListOffsetsResultInfo> infos = this.admin
            .listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), (partition) -> spec)))
            .all()
            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return infos.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().offset()));
    }

    @Override
    public void destroy() {
        this.admin.close();
    }

}
