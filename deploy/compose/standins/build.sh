#!/usr/bin/env bash
# Builds stand-ins for the four public images the compose file uses (a Java 21+ runtime, MariaDB, Redis, Kafka) from
# Debian packages and this repository's Kafka jars, for machines that reach Debian's mirror and Maven Central but no
# container registry (like the one this project is developed on). Each stand-in takes the same settings the compose
# file gives the public image: MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and /docker-entrypoint-initdb.d, redis-server's
# arguments, the KAFKA_* variables. Called by `./wallet compose up` when LOCAL_IMAGES=1; prints the image variables.
#   build.sh ENGINE WORK_DIR JAVA_HOME KAFKA_LIBS
set -euo pipefail
engine=$1 work=$2 java_home=$3 kafka_libs=$4
here=$(cd "$(dirname "$0")" && pwd)
base=localhost/wallet-standin/base:bookworm

if ! "$engine" image inspect "$base" >/dev/null 2>&1; then
  command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  rm -rf "$work/rootfs" && mkdir -p "$work/rootfs"
  echo "[standins] debootstrap bookworm (minbase) into $work/rootfs" >&2
  debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1
  printf '#!/bin/sh\nexit 101\n' >"$work/rootfs/usr/sbin/policy-rc.d" # packages must not start their services here
  chmod +x "$work/rootfs/usr/sbin/policy-rc.d"
  mount -t proc proc "$work/rootfs/proc"
  chroot "$work/rootfs" apt-get install -y -qq --no-install-recommends mariadb-server redis-server ca-certificates \
    curl procps >>"$work/debootstrap.log" 2>&1 || { umount "$work/rootfs/proc"; exit 1; }
  umount "$work/rootfs/proc"
  chroot "$work/rootfs" apt-get clean
  rm -f "$work/rootfs/usr/sbin/policy-rc.d"
  tar -C "$work/rootfs" -c . | "$engine" import - "$base" >/dev/null
  rm -rf "$work/rootfs"
fi

# the JDK the platform builds with, and the Kafka jars ./wallet runs its broker from, into the build context
rm -rf "$work/context" && mkdir -p "$work/context"
cp -r "$java_home" "$work/context/java"
cp -r "$kafka_libs" "$work/context/kafka-libs"
cp "$here/../../kafka/log4j2.xml" "$work/context/kafka-log4j2.xml"
cp "$here"/*.sh "$here"/Containerfile.* "$work/context/"
for image in java mariadb redis kafka; do
  "$engine" build -q -f "$work/context/Containerfile.$image" -t "localhost/wallet-standin/$image:latest" \
    --build-arg BASE="$base" "$work/context" >/dev/null
done
rm -rf "$work/context"
echo "JAVA_IMAGE=localhost/wallet-standin/java:latest"
echo "MARIADB_IMAGE=localhost/wallet-standin/mariadb:latest"
echo "REDIS_IMAGE=localhost/wallet-standin/redis:latest"
echo "KAFKA_IMAGE=localhost/wallet-standin/kafka:latest"
