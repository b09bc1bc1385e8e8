package org.walletplatform.sync.line;

import org.walletplatform.model.Versions;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.line.AssetSnapshot;

/**
 * What a snapshot must satisfy before it may be stored. A wrong shape is final
 * (dead-letter); a snapshot older than the version a notification announced is worth
 * pulling again, since the line may still be catching up.
 */
final class SnapshotChecks {

    private SnapshotChecks() {
    }

    static AssetSnapshot check(AssetSnapshot snapshot, long userId, String businessLine, long announcedVersion) {
        String problem = shapeProblem(snapshot, userId, businessLine);
        if (problem != null) {
            throw new PullException("bad-snapshot", businessLine + " snapshot of user " + userId + ": " + problem);
        }
        if (snapshot.version() < announcedVersion) {
            throw new PullException.Retryable("behind", businessLine + " snapshot of user " + userId + " is at version "
                    + snapshot.version() + ", the notification announced " + announcedVersion);
        }
        return snapshot;
    }

    static String shapeProblem(AssetSnapshot snapshot, long userId, String businessLine) {
        if (snapshot.userId() != userId) {
            return "names user " + snapshot.userId();
        }
        if (!businessLine.equals(snapshot.businessLine())) {
            return "names business line " + snapshot.businessLine();
        }
        if (snapshot.version() < 0 || snapshot.version() > Versions.MAX) {
            return "version " + snapshot.version() + " out of range";
        }
        if (snapshot.assets() == null) {
            return "has no assets list";
        }
        for (AssetItem item : snapshot.assets()) {
            if (item == null || isBlank(item.assetId()) || isBlank(item.kind()) || isBlank(item.unit())
                    || item.amountMinor() < 0) {
                return "has an asset without id, kind or unit, or with a negative amount";
            }
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

}
