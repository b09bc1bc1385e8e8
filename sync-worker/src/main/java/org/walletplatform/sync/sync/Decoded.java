package org.walletplatform.sync.sync;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
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
            if (n != null && n.meetsConstraints()) {
                return new Decoded(record, n);
            }
            Set<ConstraintViolation<AssetChangeNotification>> violations = (n != null) ? validator.validate(n) : null;
            return new Decoded(record, (violations != null && violations.isEmpty()) ? n : null);
        }
        catch (JacksonException ex) {
            return new Decoded(record, null);
        }
    }

    boolean poison() {
        return this.notification == null;
    }

}
