#!/usr/bin/env bash
# `stochad hadron generate` with 1 and with 2 worker threads, interleaved: events/s of each run, its
# process CPU time and the ratio 2/1 of each pair (the order of the two runs alternates between pairs).
#
#   benchmarks/hadron-threads.sh [EVENTS] [PAIRS] [JAR]
#
# EVENTS defaults to 2000000, PAIRS to 2, JAR to stochad-examples/target/stochad.jar (build it with
# `mvn -B -q -o package -DskipTests -pl stochad-examples -am`). Seeds are 5, 6, ... (one per pair).
# Prints one line per run and the load average before and after; run it on a quiet machine.
set -euo pipefail
N=${1:-2000000}
PAIRS=${2:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${3:-$HERE/../stochad-examples/target/stochad.jar}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)"
echo "# N seed threads events/s wall_s cpu_s ratio_2/1"
for p in $(seq 1 "$PAIRS"); do
  seed=$((4 + p))
  if [ $((p % 2)) -eq 1 ]; then order="1 2"; else order="2 1"; fi
  declare -A rate=()
  for t in $order; do
    /usr/bin/time -f "%e %U %S" -o "$OUT/time" java -jar "$JAR" --no-progress hadron generate -n "$N" \
        --threads "$t" --seed "$seed" --out "$OUT/t$t" > "$OUT/log" 2>&1
    r=$(grep -o '[0-9]* events/s' "$OUT/log" | head -1 | cut -d' ' -f1)
    read -r wall user sys < "$OUT/time"
    rate[$t]=$r
    cpu=$(echo "$user + $sys" | bc)
    if [ -n "${rate[1]:-}" ] && [ -n "${rate[2]:-}" ]; then
      ratio=$(echo "scale=3; ${rate[2]} / ${rate[1]}" | bc)
    else
      ratio=""
    fi
    echo "$N $seed $t $r $wall $cpu $ratio"
  done
  unset rate
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
