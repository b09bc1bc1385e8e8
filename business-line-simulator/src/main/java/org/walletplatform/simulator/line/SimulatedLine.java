package org.walletplatform.simulator.line;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.simulator.SimulatorProperties.LineSpec;

/**
 * One simulated business line: the latest version and assets of every user it has seen
 * change. A user never changed holds nothing at version 0. Amounts derive from (seed,
 * line, user, version), so a given version always has the same content.
 */
public final class SimulatedLine {

    private final String id;

    private final LineSpec spec;

    private final long seed;

    private final Map<Long, Long> versions = new ConcurrentHashMap<>();

    /** The version at which a user's assets were last emptied (redeemed, withdrawn). */
    private final Map<Long, Long> emptiedAt = new ConcurrentHashMap<>();

    private volatile Fault fault = Fault.NONE;

    SimulatedLine(String id, LineSpec spec, long seed) {
        this.id = id;
        this.spec = spec;
        this.seed = seed ^ id.hashCode();
    }

    public String id() {
        return this.id;
    }

    public String secret() {
        return this.spec.secret();
    }

    public boolean offersBatch() {
        return this.spec.batch();
    }

    public Fault fault() {
        return this.fault;
    }

    public void setFault(Fault fault) {
        this.fault = fault;
    }

    /**
     * Applies one change to the user's assets and returns the new version. Versions
     * follow the wall clock (in milliseconds, and always at least one more than before),
     * so they keep increasing across simulator restarts just as a real line's would.
     */
    public long change(long userId) {
        return this.versions.merge(userId, System.currentTimeMillis(), (old, now) -> Math.max(old + 1, now));
    }

    /**
     * Empties the user's assets, as when they withdraw or redeem everything: a new
     * version holding nothing. The next {@link #change} gives them assets again.
     */
    public long empty(long userId) {
        long version = change(userId);
        this.emptiedAt.put(userId, version);
        return version;
    }

    public long version(long userId) {
        return this.versions.getOrDefault(userId, 0L);
    }

    public AssetSnapshot snapshot(long userId) {
        long version = this.versions.getOrDefault(userId, 0L);
        return new AssetSnapshot(userId, this.id, version,
                (version == 0 || this.emptiedAt.getOrDefault(userId, -1L) == version) ? List.of()
                        : assets(userId, version));
    }

    private List<AssetItem> assets(long userId, long version) {
        SplittableRandom random = new SplittableRandom(this.seed * 31 + userId * 1_000_003L + version);
        return switch (this.spec.kind()) {
            case "coupon" -> {
                List<AssetItem> coupons = new ArrayList<>();
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    coupons.add(new AssetItem("coupon-" + (version * 10 + i), "coupon", "Coupon " + (i + 1),
                            100L * (5 + random.nextInt(46)), this.spec.unit()));
                }
                yield coupons;
            }
            case "virtual-currency" -> List
                .of(new AssetItem("coins", this.spec.kind(), "Coins", random.nextLong(1, 100_000), this.spec.unit()));
            default -> List.of(new AssetItem(this.spec.kind(), this.spec.kind(), this.id + " balance",
                    random.nextLong(0, 5_000_000), this.spec.unit()));
        };
    }

}
