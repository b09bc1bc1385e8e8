package org.walletplatform.sync.sync;

import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.walletplatform.model.notification.AssetChangeNotification;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumed record with its notification, or {@code null} when the record is poison (not
 * a valid notification).
 */
record Decoded(ConsumerRecord<String, String> record, AssetChangeNotification notification) {

    static Decoded of(ConsumerRecord<String, String> record, JsonMapper json, Validator validator) {
        if (record.value() == null) {
            return new Decoded(record, null);
        }
        try {
            AssetChangeNotification n = json.readValue(record.value(), AssetChangeNotification.class);
            // the plain check first; the validator only for what it refuses
            boolean valid = n != null && (n.meetsConstraints() || validator.validate(n).isEmpty());
            return new Decoded(record, valid ? n : null);
        }
        catch (JacksonException ex) {
            return new Decoded(record, null);
        }
    }

    boolean poison() {
        return this.notification == null;
    }

}
