-- The databases the services expect (each migrates its own schema with Flyway at start).
CREATE DATABASE IF NOT EXISTS wallet_ds_0;
CREATE DATABASE IF NOT EXISTS wallet_ds_1;
CREATE DATABASE IF NOT EXISTS order_ds_0;
CREATE DATABASE IF NOT EXISTS order_ds_1;
CREATE DATABASE IF NOT EXISTS wallet_config;
