package org.walletplatform.order.identity;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.order.system.Sha256;

import org.springframework.stereotype.Service;

/**
 * Cross-app identity: one actID per person across the apps. Binding an app account
 * ({@code appId}, {@code appUserId}, optionally a phone number) gives its actID; the
 * phone number takes priority: an account that comes with a phone already bound joins
 * that phone's actID. When an account and a phone are bound to two different actIDs,
 * nothing is merged by itself: the answer names the other actID as a merge candidate, and
 * ops merge explicitly ({@link #merge}), audited. Lookups follow merges.
 */
@Service
public class Identities {

    private static final Logger log = LoggerFactory.getLogger(Identities.class);

    private static final int MAX_MERGE_HOPS = 16;

    private final IdentityStore store;

    Identities(IdentityStore store) {
        this.store = store;
    }

    Binding bind(String appId, String appUserId, String phone) {
        Optional<String> phoneHash = Optional.ofNullable(phone).map(Identities::phoneHash);
        Optional<Long> phoneAct = phoneHash.flatMap(this.store::phoneAct).map(this::resolve);
        Optional<Long> bound = this.store.accountAct(appId, appUserId);
        long actId = resolve(bound.isPresent() ? bound.get()
                : this.store.bindAccount(appId, appUserId, phoneAct.orElseGet(this.store::allocateActId)));
        if (phoneHash.isPresent()) {
            long phoneOwner = resolve(this.store.bindPhone(phoneHash.get(), actId));
            if (phoneOwner != actId) {
                return new Binding(actId, phoneOwner);
            }
        }
        return new Binding(actId, null);
    }

    /** The actID of an app account, following merges; empty if the account is unbound. */
    public Optional<Long> actOf(String appId, String appUserId) {
        return this.store.accountAct(appId, appUserId).map(this::resolve);
    }

    /**
     * Merges {@code from} into {@code into} (both resolved first); returns the actID that
     * remains.
     */
    long merge(long from, long into, String actor, String reason) {
        long source = resolve(from);
        long target = resolve(into);
        if (source == target) {
            return target;
        }
        long result = resolve(this.store.merge(source, target, actor, reason));
        log.warn("actID {} merged into {} by {}: {}", source, result, actor, reason);
        return result;
    }

    long resolve(long actId) {
        long current = actId;
        for (int hop = 0; hop < MAX_MERGE_HOPS; hop++) {
            Optional<Long> next = this.store.mergedInto(current);
            if (next.isEmpty()) {
                return current;
            }
            current = next.get();
        }
        throw new IllegalStateException("merge chain of " + actId + " longer than " + MAX_MERGE_HOPS);
    }

    static String phoneHash(String phone) {
        return Sha256.hex(phone.replaceAll("[\\s()-]", ""));
    }

    /**
     * @param actId the account's actID
     * @param mergeCandidate another actID the phone number is bound to, to be merged by
     * ops; null if none
     */
    record Binding(long actId, Long mergeCandidate) {
    }

}
