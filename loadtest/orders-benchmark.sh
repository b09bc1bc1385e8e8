#!/usr/bin/env bash
# Non-cash reward orders per second, end to end, beside the bare "insert the order per request" app in the same
# run (BENCHMARKS.md, "Reward orders"):
#   bare order app (baselines/order-app)   POST -> one INSERT into MariaDB, nothing checked
#   order service, accepted                 POST /v1/rewards (coupon scene): checks, budget, sharded insert, 201
#   order service, end to end               the same load, counted until every order is delivered to the coupon
#                                           downstream (the simulator) and marked delivered
# Run by ./wallet loadtest orders, against a platform started with ./wallet up.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUN=$ROOT/.run
CONNECTIONS=${CONNECTIONS:-32}
SECONDS_EACH=${SECONDS_EACH:-10}
ROUNDS=${ROUNDS:-3}
LUA=$ROOT/loadtest/wrk/rewards.lua
STAMP=$(date +%s)

source "$ROOT/loadtest/lib.sh"
curl -fs http://127.0.0.1:8084/actuator/health >/dev/null || { echo "start the platform first: ./wallet up" >&2; exit 1; }
start_baseline baseline-order-app "$(ls "$ROOT"/baselines/order-app/target/baseline-order-app-*.jar | head -1)" 8096

issue() { # url path rain seconds -> "requests/s p50 p99"
  TARGET_PATH=$2 RAIN=$3 wrk -t2 -c"$CONNECTIONS" -d"${4}s" --latency -s "$LUA" "$1" | wrk_figures
}

orders_in() { # rain state-filter -> count over every order shard
  local total=0 db table n
  for db in order_ds_0 order_ds_1; do
    for table in reward_order_0 reward_order_1; do
      n=$(mysql -uroot -N -e "SELECT COUNT(*) FROM $db.$table WHERE rain_id = '$1' AND $2")
      total=$((total + n))
    done
  done
  echo "$total"
}

echo "warming the JITs"
issue http://127.0.0.1:8096 /bare/orders "warm-$STAMP" 10 >/dev/null
issue http://127.0.0.1:8084 /v1/rewards "warm-$STAMP" 10 >/dev/null

rows=()
for ((round = 1; round <= ROUNDS; round++)); do
  read -r bare_rps bare_p50 bare_p99 < <(issue http://127.0.0.1:8096 /bare/orders "b$round-$STAMP" "$SECONDS_EACH")
  rain="r$round-$STAMP"
  started=$(date +%s.%N)
  read -r order_rps order_p50 order_p99 < <(issue http://127.0.0.1:8084 /v1/rewards "$rain" "$SECONDS_EACH")
  # end to end: wait until no order of the round is still accepted or delivering
  while (($(orders_in "$rain" "state IN ('accepted', 'delivering')") > 0)); do
    sleep 0.2
    (($(awk -v s="$started" 'BEGIN { srand(); print (srand() - s > 300) }'))) && { echo "orders not delivered in 300 s" >&2; exit 1; }
  done
  finished=$(date +%s.%N)
  delivered=$(orders_in "$rain" "state = 'delivered'")
  all=$(orders_in "$rain" "TRUE")
  e2e=$(awk -v n="$delivered" -v a="$started" -v b="$finished" 'BEGIN { printf "%.0f", n / (b - a) }')
  rows+=("$(printf '%-40s %10s %9s %9s  %s' "round $round: bare order app (1 INSERT)" "$bare_rps" "$bare_p50" "$bare_p99" "1.00 of itself")")
  rows+=("$(printf '%-40s %10s %9s %9s  %s' "round $round: order service, accepted" "$order_rps" "$order_p50" "$order_p99" "$(ratio "$order_rps" "$bare_rps") of bare app")")
  rows+=("$(printf '%-40s %10s %9s %9s  %s' "round $round: order service, delivered" "$e2e" - - "$(ratio "$e2e" "$bare_rps") of bare app; $delivered of $all orders delivered")")
done

echo
echo "reward orders (coupon scene), $CONNECTIONS connections, ${SECONDS_EACH}s each, $(date -u +%FT%TZ)"
printf '%-40s %10s %9s %9s  %s\n' what "orders/s" "p50 ms" "p99 ms" ratio
printf '%s\n' "${rows[@]}"
