#!/usr/bin/env bash
# Reward orders per second, end to end, beside the bare "insert the order per request" app in the same run
# (BENCHMARKS.md, "Reward orders" and "Red packets"):
#   bare order app (baselines/order-app)   POST -> one INSERT into MariaDB, nothing checked: the synchronous path
#   coupons, accepted                       POST /v1/rewards (coupon scene): checks, budget, sharded insert, 201
#   coupons, delivered                      the same load, counted until every order is delivered to the coupon
#                                           downstream (the simulator) and marked delivered
#   cash red packets, issued                POST /v1/rewards (cash scene): checks, budget, Ed25519 token, one Redis
#                                           Lua call, Kafka send; no database on the request path
#   cash red packets, settled               the same load, counted until every packet is booked in the ledger
#   cash at a peak, issued                  the same load with the switches redpacket.settlement and wallet-line
#                                           off (ops' move for a peak: settlement and the wallet's view may lag)
#   cash at a peak, settled after           the switches on again at the end of the load, counted until every
#                                           packet of the peak is booked: the backlog drained per second
# and, for each, the database work per 10,000 orders: MariaDB CPU seconds, read-write transactions (InnoDB's
# transaction id counter, which advances by two per read-write transaction: its id and its commit number) and
# Handler_commit (which counts every statement's commit, reads and statements inside a transaction included).
# Each row starts once the machine is quiet (await_quiet). A round runs the bare app, the peak, the bare app again,
# then coupons and cash as shipped; every ratio is to the mean of the round's two bare rows. Run by
# ./wallet loadtest orders, against a platform started with ./wallet up.
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

ADMIN="Authorization: Bearer $("$ROOT/wallet" token orders-benchmark --admin)"
switch() { # name true|false: a degradation switch of the order service, through the gateway as ops turn it
  curl -fs -o /dev/null -X PUT "http://127.0.0.1:8080/admin/order/switches/$1" -H "$ADMIN" \
    -H 'Content-Type: application/json' -d "{\"on\":$2,\"reason\":\"orders benchmark\"}"
}
peak_switches() { switch redpacket.settlement "$1" && switch wallet-line "$1"; }
trap 'peak_switches true || echo "turn the switches redpacket.settlement and wallet-line on again" >&2; cleanup' EXIT

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

mariadb_cpu() { # MariaDB's CPU seconds so far
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$(pidof mariadbd)/stat"
}
mariadb_commits() { mysql -uroot -N -e "SHOW GLOBAL STATUS LIKE 'Handler_commit'" | awk '{ print $2 }'; }
mariadb_trx_ids() { mysql -uroot -e "SHOW ENGINE INNODB STATUS\G" | awk '/Trx id counter/ { print $4 }'; }
db_state() { echo "$(mariadb_cpu) $(mariadb_commits) $(mariadb_trx_ids)"; }
per_10k() { awk -v v="$1" -v n="$2" 'BEGIN { printf "%.2f", v * 10000 / n }'; }
db_work() { # "cpu commits trx-ids" before, orders -> "cpu-s/10k commits/10k rw-transactions/10k"
  local cpu commits ids
  read -r cpu commits ids <<<"$1"
  echo "$(per_10k "$(awk -v a="$(mariadb_cpu)" -v b="$cpu" 'BEGIN { print a - b }')" "$2")" \
    "$(per_10k $(($(mariadb_commits) - commits)) "$2") $(per_10k $((($(mariadb_trx_ids) - ids) / 2)) "$2")"
}
requests_of() { awk '/requests in/ { print $1 }' "$1"; }

# The order service is a large JVM: on 2 shared cores its JIT compiles for minutes under load (jstat -compiler),
# and 10 s of warm-up left rounds that ran at a third of the warm rate.
WARM_SECONDS=${WARM_SECONDS:-60}
echo "warming the JITs (${WARM_SECONDS}s per target)"
issue http://127.0.0.1:8096 /bare/orders "warm-$STAMP" "$WARM_SECONDS" >/dev/null || true # refusals while cold are not measured
issue http://127.0.0.1:8084 /v1/rewards "warm-$STAMP" "$WARM_SECONDS" >/dev/null || true
SCENE=gala-cash AWARD=cash issue http://127.0.0.1:8084 /v1/rewards "warmc-$STAMP" "$WARM_SECONDS" >/dev/null || true

issue_counted() { # url path rain seconds -> "requests/s p50 p99 requests"; "n/a n/a n/a requests" when some answer
  # was not 2xx (a row with refusals is not a rate)
  local out figures; out=$(mktemp)
  TARGET_PATH=$2 RAIN=$3 wrk -t2 -c"$CONNECTIONS" -d"${4}s" --latency -s "$LUA" "$1" >"$out"
  figures=$(wrk_figures <"$out") || figures="n/a n/a n/a"
  echo "$figures $(requests_of "$out")"
  rm -f "$out"
}
counter() { # name tag -> a counter of the order service (0 until it first counts)
  curl -fs "http://127.0.0.1:8084/actuator/metrics/$1?tag=$2" | grep -o '"value":[0-9.E+-]*' | cut -d: -f2 \
    | awk '{ printf "%.0f", $1 } END { if (NR == 0) print 0 }'
}
finished_count() { # coupons: orders that reached a final state, per the service's counters
  echo $(($(counter order.delivery result:delivered) + $(counter order.delivery result:failed)))
}
settled_count() { counter order.redpacket.settled application:asset-order-service; }
timed_out() { # started-at -> whether 300 s have passed
  (($(awk -v s="$1" 'BEGIN { srand(); print (srand() - s > 300) }')))
}
await_counter() { # counter-function target started-at: polls the service's counter (cheap), not the database
  until (($($1) >= $2)); do
    sleep 0.2
    # an if, not `(( … )) && …`: a false test as the loop's last command would end the script under set -e
    if timed_out "$3"; then
      echo "orders not done in 300 s" >&2
      exit 1
    fi
  done
}
await_orders() { # rain condition-that-must-hold started-at: the database check, after the counters said done
  until (($(orders_in "$1" "$2") == 0)); do
    sleep 0.5
    if timed_out "$3"; then
      echo "orders not done in 300 s" >&2
      exit 1
    fi
  done
}
await_booked() { # rain packets started-at: a redelivered packet counts twice in the counter, so the ledger must
  # hold every packet answered
  until (($(orders_in "$1" "TRUE") >= $2)); do
    sleep 0.5
    if timed_out "$3"; then
      echo "packets of rain $1 not settled in 300 s" >&2
      exit 1
    fi
  done
}
per_second() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f", n / (b - a) }'; } # count from to
row() { printf '%-38s %9s %8s %8s %9s %10s %9s  %s' "$@"; }

bare_row() { # which: the bare app's row; sets bare_rps to its rate ("n/a" if it had refusals)
  local db p50 p99 n cpu commits trx
  await_quiet; db=$(db_state)
  read -r bare_rps p50 p99 n < <(issue_counted http://127.0.0.1:8096 /bare/orders "b$round$1-$STAMP" "$SECONDS_EACH")
  read -r cpu commits trx < <(db_work "$db" "$n")
  rows+=("$(row "round $round: bare app, $1" "$bare_rps" "$p50" "$p99" "$cpu" "$commits" "$trx" "-")")
  bare_trx=$trx bare_cpu=$cpu
}
mean() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.0f", (a + b) / 2; else printf "n/a" }'; }

# The machine's speed drifts within minutes (the bare app's rate moved by 64 % between rounds of one run), so each
# round measures the bare app right before and right after the peak, and every ratio is to the mean of the two.
rows=() peak_ratios=() peak_p99s=()
for ((round = 1; round <= ROUNDS; round++)); do
  bare_row before; bare_before=$bare_rps

  # a peak: settlement and the wallet line switched off while packets are issued, on again right after (the settler
  # follows its switch within a second); the database work counts the drain, which is all of it
  await_quiet; rain="p$round-$STAMP"; peak_switches false; sleep 1; db=$(db_state); before=$(settled_count)
  read -r peak_rps peak_p50 peak_p99 peak_n < <(SCENE=gala-cash AWARD=cash issue_counted http://127.0.0.1:8084 /v1/rewards "$rain" "$SECONDS_EACH")
  peak_switches true; started=$(date +%s.%N)
  await_counter settled_count $((before + peak_n)) "$started"
  done_at=$(date +%s.%N)
  read -r peak_cpu peak_commits peak_trx < <(db_work "$db" "$peak_n")
  await_booked "$rain" "$peak_n" "$started"
  drained=$(per_second "$peak_n" "$started" "$done_at")
  # untimed: the wallet line pushes the accounts it held in the peak and the wallet syncs them, before the next row
  until (($(redis-cli SCARD order:wallet-line:redpacket:held) == 0)); do
    sleep 0.5
    if timed_out "$started"; then
      echo "the wallet line did not push the accounts held in the peak within 300 s" >&2
      exit 1
    fi
  done
  bare_row after
  bare=$(mean "$bare_before" "$bare_rps")
  rows+=("$(row "round $round: cash at a peak, issued" "$peak_rps" "$peak_p50" "$peak_p99" - - - "$(ratio "$peak_rps" "$bare")")")
  rows+=("$(row "round $round: cash at a peak, settled after" "$drained" - - "$peak_cpu" "$peak_commits" "$peak_trx" "backlog of $peak_n drained per second; lower than bare: cpu $(ratio "$bare_cpu" "$peak_cpu")x, rw trx $(ratio "$bare_trx" "$peak_trx")x")")
  peak_ratios+=("$(ratio "$peak_rps" "$bare")") peak_p99s+=("$peak_p99")

  # progress is read from the service's counters: polling the orders table (no index on the rain) cost MariaDB more
  # CPU than the orders themselves; the database is checked once the counters say done and the work is read
  await_quiet; rain="r$round-$STAMP"; started=$(date +%s.%N); db=$(db_state); before=$(finished_count)
  read -r order_rps order_p50 order_p99 order_n < <(issue_counted http://127.0.0.1:8084 /v1/rewards "$rain" "$SECONDS_EACH")
  await_counter finished_count $((before + order_n)) "$started"
  done_at=$(date +%s.%N)
  read -r order_cpu order_commits order_trx < <(db_work "$db" "$order_n")
  await_orders "$rain" "state IN ('accepted', 'delivering')" "$started"
  e2e=$(per_second "$(orders_in "$rain" "state = 'delivered'")" "$started" "$done_at")
  rows+=("$(row "round $round: coupons, accepted" "$order_rps" "$order_p50" "$order_p99" - - - "$(ratio "$order_rps" "$bare")")")
  rows+=("$(row "round $round: coupons, delivered" "$e2e" - - "$order_cpu" "$order_commits" "$order_trx" "$(ratio "$e2e" "$bare")")")

  await_quiet; rain="c$round-$STAMP"; started=$(date +%s.%N); db=$(db_state); before=$(settled_count)
  read -r cash_rps cash_p50 cash_p99 cash_n < <(SCENE=gala-cash AWARD=cash issue_counted http://127.0.0.1:8084 /v1/rewards "$rain" "$SECONDS_EACH")
  await_counter settled_count $((before + cash_n)) "$started"
  done_at=$(date +%s.%N)
  read -r cash_cpu cash_commits cash_trx < <(db_work "$db" "$cash_n")
  await_booked "$rain" "$cash_n" "$started"
  settled=$(per_second "$cash_n" "$started" "$done_at")
  rows+=("$(row "round $round: cash packets, issued" "$cash_rps" "$cash_p50" "$cash_p99" - - - "$(ratio "$cash_rps" "$bare")")")
  rows+=("$(row "round $round: cash packets, settled" "$settled" - - "$cash_cpu" "$cash_commits" "$cash_trx" "$(ratio "$settled" "$bare"); lower than bare: cpu $(ratio "$bare_cpu" "$cash_cpu")x, rw trx $(ratio "$bare_trx" "$cash_trx")x")")
done

echo
echo "reward orders, $CONNECTIONS connections, ${SECONDS_EACH}s each, $(date -u +%FT%TZ)"
printf '%-38s %9s %8s %8s %9s %10s %9s  %s\n' what "orders/s" "p50 ms" "p99 ms" "db cpu-s" "h.commits" "rw trx" "(db: per 10k orders); ratio to the bare app (mean of its two rows)"
printf '%s\n' "${rows[@]}"
echo
echo "cash at a peak against the bare app (goals: rate >= 1x, p99 <= 20 ms): ratios ${peak_ratios[*]} (median" \
  "$(median "${peak_ratios[@]}")), p99 ${peak_p99s[*]} ms (median $(median "${peak_p99s[@]}"))"
