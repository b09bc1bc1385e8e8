package org.walletplatform.model.reward;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of reward the order center issues; a scene issues exactly one kind. The wire
 * form is the lower-case {@link #code()}.
 */
public enum AwardType {

    /** Cash red packet: settled into the user's balance (signed tokens). */
    CASH("cash"),

    COUPON("coupon"),

    VOUCHER("voucher"),

    /** A virtual item (skin, prop, membership day). */
    ITEM("item");

    private final String code;

    AwardType(String code) {
        this.code = code;
    }

    public String code() {
        return this.code;
    }

    public static Optional<AwardType> fromCode(String code) {
        return Arrays.stream(values()).filter((t) -> t.code.equals(code)).findFirst();
    }

}
