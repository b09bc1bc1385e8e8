# Shared by the load-test scripts (sourced): baseline apps started beside the platform, wrk figures, ratios.
# Expects ROOT and RUN set.

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start_baseline() { # name jar port [app args...]: a bare app run as ./wallet up runs the services
  java -Xms512m -Xmx768m -XX:+UseSerialGC -jar "$2" "${@:4}" >"$RUN/logs/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$3/" && return 0
    sleep 0.5
  done
  echo "$1 did not start; see $RUN/logs/$1.log" >&2; exit 1
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else printf "n/a" }'; }

median() { # numbers as arguments -> their median
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

wrk_figures() { # wrk --latency output on stdin -> "requests/s p50 p99" (p in ms); fails on non-2xx answers
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF }
    END { if (bad) { print "non-2xx answers: " bad > "/dev/stderr"; exit 1 } printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

await_quiet() { # waits, at most 120 s, until the CPUs are under 25 % busy over 3 s: work left from the previous row
  # (the wallet syncing the accounts it was told of, a settler's backlog, InnoDB flushing) must not count against the next
  local i user nice sys idle iowait irq softirq t1 i1 t2 i2
  for ((i = 0; i < 40; i++)); do
    read -r _ user nice sys idle iowait irq softirq _ </proc/stat
    t1=$((user + nice + sys + idle + iowait + irq + softirq)); i1=$((idle + iowait))
    sleep 3
    read -r _ user nice sys idle iowait irq softirq _ </proc/stat
    t2=$((user + nice + sys + idle + iowait + irq + softirq)); i2=$((idle + iowait))
    ((100 * (i2 - i1) / (t2 - t1) >= 75)) && return 0
  done
  echo "the machine did not settle within 120 s; measuring anyway" >&2
}
