package org.walletplatform.redpacket.token;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree over token payloads, so one signature of its root vouches for every
 * payload (batch signing: the signature is most of a token's cost). SHA-256 with the RFC
 * 6962 prefixes, {@code 0x00} for a leaf and {@code 0x01} for a node, so a node can never
 * pass for a leaf. A level of odd size carries its last node up unchanged. A payload's
 * path is one 33-byte step per level where its node has a sibling: the side the sibling
 * is on ({@link #LEFT} or {@link #RIGHT}), then the sibling's hash.
 */
final class MerkleTree {

    static final int HASH_SIZE = 32;

    static final int STEP_SIZE = HASH_SIZE + 1;

    static final byte LEFT = 0;

    static final byte RIGHT = 1;

    private final List<byte[][]> levels = new ArrayList<>();

    /** The tree over {@code payloads} (at least one). */
    MerkleTree(List<byte[]> payloads) {
        MessageDigest sha256 = sha256();
        byte[][] level = new byte[payloads.size()][];
        for (int i = 0; i < level.length; i++) {
            level[i] = leaf(sha256, payloads.get(i));
        }
        this.levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = (2 * i + 1 < level.length) ? node(sha256, level[2 * i], level[2 * i + 1]) : level[2 * i];
            }
            this.levels.add(up);
            level = up;
        }
    }

    byte[] root() {
        return this.levels.getLast()[0];
    }

    /** The path from payload {@code index} to the root. */
    byte[] path(int index) {
        ByteArrayOutputStream path = new ByteArrayOutputStream(STEP_SIZE * this.levels.size());
        int at = index;
        for (byte[][] level : this.levels.subList(0, this.levels.size() - 1)) {
            if (at % 2 == 1) {
                path.write(LEFT);
                path.writeBytes(level[at - 1]);
            }
            else if (at + 1 < level.length) {
                path.write(RIGHT);
                path.writeBytes(level[at + 1]);
            }
            at /= 2;
        }
        return path.toByteArray();
    }

    /**
     * The root that {@code path} leads to from {@code payload}; {@code null} if the path
     * is not a whole number of steps or names a side that does not exist.
     */
    static byte[] rootOf(byte[] payload, byte[] path) {
        if (path.length % STEP_SIZE != 0) {
            return null;
        }
        MessageDigest sha256 = sha256();
        byte[] hash = leaf(sha256, payload);
        for (int step = 0; step < path.length; step += STEP_SIZE) {
            byte side = path[step];
            sha256.update((byte) 1);
            if (side == LEFT) {
                sha256.update(path, step + 1, HASH_SIZE);
                sha256.update(hash);
            }
            else if (side == RIGHT) {
                sha256.update(hash);
                sha256.update(path, step + 1, HASH_SIZE);
            }
            else {
                return null;
            }
            hash = sha256.digest();
        }
        return hash;
    }

    private static byte[] leaf(MessageDigest sha256, byte[] payload) {
        sha256.update((byte) 0);
        return sha256.digest(payload);
    }

    private static byte[] node(MessageDigest sha256, byte[] left, byte[] right) {
        sha256.update((byte) 1);
        sha256.update(left);
        return sha256.digest(right);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK has SHA-256", ex);
        }
    }

}
