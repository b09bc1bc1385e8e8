-- The configuration releases: the state Redis serves (mirrored here, the readers' fallback), every version's
-- configuration, and every change made to the state.

CREATE TABLE config_state (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    -- raised by every change; Redis takes a state only with a higher one
    revision    BIGINT       NOT NULL,
    -- the ReleaseState as published to Redis
    state       LONGTEXT     NOT NULL,
    -- SHA-256 of the request that made this revision: its retry answers the same, not a conflict
    last_change CHAR(64)     NOT NULL,
    updated_at  TIMESTAMP(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE config_version (
    name        VARCHAR(64)  NOT NULL,
    version     BIGINT       NOT NULL,
    config      LONGTEXT     NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (name, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE config_change (
    name        VARCHAR(64)  NOT NULL,
    revision    BIGINT       NOT NULL,
    -- release, gray-release, whitelist, promote, abort, rollback
    action      VARCHAR(16)  NOT NULL,
    version     BIGINT       NOT NULL,
    whitelisted INT          NOT NULL,
    -- who made it: the caller the gateway asserted, or "internal"
    actor       VARCHAR(128) NOT NULL,
    changed_at  TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (name, revision)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
