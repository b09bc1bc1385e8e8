package org.walletplatform.order.redpacket;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.walletplatform.model.Topics;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * What a test waiting for a packet to settle reports when it gives up: the account's
 * partition, the settler's state and assignment, per partition how far the settlers'
 * group has committed against the end of the log, and which member holds which partition.
 * A wait that timed out once in CI (stop 39) left nothing to tell a stuck partition from
 * a slow one.
 */
final class SettlerDiagnostics {

    private static final int PARTITIONS = 4;

    private SettlerDiagnostics() {
    }

    static String describe(long actId, MessageListenerContainer settler, KafkaAdmin kafkaAdmin) {
        StringBuilder report = new StringBuilder();
        report.append("account ")
            .append(actId)
            .append(" publishes to partition ")
            .append(partitionOf(actId))
            .append("; settler running=")
            .append(settler.isRunning())
            .append(" pauseRequested=")
            .append(settler.isPauseRequested())
            .append(" paused=")
            .append(settler.isContainerPaused())
            .append(" assigned=")
            .append(Objects.requireNonNullElse(settler.getAssignedPartitions(), List.of()))
            .append(" clients=")
            .append(settler.metrics().keySet());
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            List<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                .mapToObj((p) -> new TopicPartition(Topics.REDPACKET_SETTLEMENTS, p))
                .toList();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(settler.getGroupId())
                .partitionsToOffsetAndMetadata()
                .get();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                .listOffsets(partitions.stream().collect(Collectors.toMap((p) -> p, (p) -> OffsetSpec.latest())))
                .all()
                .get();
            Map<Integer, String> lag = new TreeMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition);
                lag.put(partition.partition(),
                        ((at != null) ? at.offset() : "none") + "/" + ends.get(partition).offset());
            }
            report.append("; committed/end per partition ").append(lag);
            // which consumer holds which partition: every Spring context of a test JVM
            // runs settlers in this group, each with its own client id
            admin.describeConsumerGroups(List.of(settler.getGroupId()))
                .all()
                .get()
                .values()
                .forEach((group) -> report.append("; group ")
                    .append(group.groupState())
                    .append(" members ")
                    .append(group.members()
                        .stream()
                        .map((member) -> member.clientId() + "="
                                + member.assignment()
                                    .topicPartitions()
                                    .stream()
                                    .map(TopicPartition::partition)
                                    .sorted()
                                    .toList())
                        .sorted()
                        .toList()));
        }
        catch (Exception ex) {
            report.append("; offsets not read: ").append(ex);
        }
        return report.toString();
    }

    /** As the producer's default partitioner places a record keyed by the account. */
    static int partitionOf(long actId) {
        return Utils.toPositive(Utils.murmur2(Long.toString(actId).getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

}
