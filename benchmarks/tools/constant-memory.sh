#!/bin/sh
# Runs 2·10⁸ samples of README's sin-Bernoulli program under -Xmx64m: an estimate keeps O(k)
# streaming sums per chunk of samples, never a row per sample (DESIGN §8). Takes minutes.
# Usage (from the repository root): benchmarks/tools/constant-memory.sh [samples] [estimators] [threads]
set -e
cd "$(dirname "$0")/../.."
if [ ! -f benchmarks/target/benchmarks.jar ]; then
  mvn -B -q -o package -pl benchmarks -am -DskipTests
fi
exec java -Xmx64m -cp benchmarks/target/benchmarks.jar org.stochad.benchmarks.ConstantMemoryRun \
  "${1:-200000000}" "${2:-replay}" ${3:+"$3"}
