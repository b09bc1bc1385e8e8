#!/usr/bin/env bash
# Cash red-packet issuance while MySQL is down (BENCHMARKS.md, "Red packets with MySQL stopped"): wrk issues
# packets for DURATION seconds; MariaDB is shut down after OUTAGE_AFTER seconds and started again OUTAGE seconds
# later. Issuance must keep answering (no database on its path); the settler waits, then drains the backlog;
# every issued packet must end up booked (count). Run by ./wallet loadtest outage, against ./wallet up.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUN=$ROOT/.run
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-100}
OUTAGE_AFTER=${OUTAGE_AFTER:-20}
OUTAGE=${OUTAGE:-60}
# minor units per packet: with 1000 an instance's 500,000 share of gala-cash lasts 500 packets, so it leases
# budget again and again while MySQL is down
export AMOUNT=${AMOUNT:-1}
RAIN="outage-$(date +%s)"

source "$ROOT/loadtest/lib.sh"
curl -fs http://127.0.0.1:8084/actuator/health >/dev/null || { echo "start the platform first: ./wallet up" >&2; exit 1; }

start_mariadb() { start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd; }
trap 'start_mariadb; cleanup' EXIT   # whatever happens, MariaDB runs again afterwards

settled() {
  local total=0 db table n
  for db in order_ds_0 order_ds_1; do
    for table in reward_order_0 reward_order_1; do
      n=$(mysql -uroot -N -e "SELECT COUNT(*) FROM $db.$table WHERE rain_id = '$RAIN'")
      total=$((total + n))
    done
  done
  echo "$total"
}

out=$(mktemp)
SCENE=gala-cash AWARD=cash TARGET_PATH=/v1/rewards RAIN=$RAIN \
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency --timeout 5s -s "$ROOT/loadtest/wrk/rewards.lua" \
  http://127.0.0.1:8084 >"$out" &
wrk_pid=$!
sleep "$OUTAGE_AFTER"
echo "stopping MariaDB for ${OUTAGE}s"
# ./wallet up raised the buffer pool at runtime (not persisted); a restarted server would come back with the default
buffer_pool=$(mysql -uroot -N -e "SELECT @@innodb_buffer_pool_size")
mysqladmin -uroot shutdown
down_at=$(date +%s)
sleep "$OUTAGE"
start_mariadb
for _ in $(seq 1 120); do mysqladmin -uroot ping >/dev/null 2>&1 && break; sleep 0.5; done
up_at=$(date +%s)
mysql -uroot -e "SET GLOBAL innodb_buffer_pool_size = $buffer_pool"
echo "MariaDB is back after $((up_at - down_at))s"
wait "$wrk_pid"
issued=$(awk '/requests in/ { print $1 }' "$out")
bad=$(awk '/Non-2xx/ { print $NF }' "$out"); bad=${bad:-0}
errors=$(awk '/Socket errors/ { print }' "$out")
read -r rps p50 p99 < <(grep -v Non-2xx "$out" | wrk_figures)
while (($(settled) < issued - bad)); do
  sleep 1
  (($(date +%s) - up_at > 300)) && break
done
drained_at=$(date +%s)
booked=$(settled)

echo
echo "cash issuance with MySQL stopped for ${OUTAGE}s of ${DURATION}s, $CONNECTIONS connections, $AMOUNT per packet, $(date -u +%FT%TZ)"
printf '%-44s %s\n' "packets issued (2xx answers)" "$((issued - bad)) of $issued requests"
printf '%-44s %s\n' "non-2xx answers" "$bad ${errors:+($errors)}"
printf '%-44s %s\n' "issuance rate, p50, p99 (whole run)" "$rps/s, $p50 ms, $p99 ms"
lost=$((issued - bad - booked)); ((lost < 0)) && lost=0 # wrk does not count requests it cut off at the end
printf '%-44s %s\n' "booked in the ledger afterwards" "$booked (lost: $lost)"
printf '%-44s %s\n' "backlog drained after MySQL came back" "$((drained_at - up_at))s"
rm -f "$out"
