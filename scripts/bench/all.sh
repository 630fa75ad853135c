#!/usr/bin/env bash
# Every benchmark of docs/performance.md, one after another, on one quiet machine:
#
#   scripts/bench/all.sh [OUT_DIR]          (default .bench/<date>)
#
# Needs the scale data set (SCALE_DATABASE_URL, default …/hy_scale; scripts/bench/README.md) and Chromium. Each script's
# output goes to OUT_DIR/<name>.md; the load average before each is printed so a run on a busy
# machine shows itself. The app migrates hy_scale first (`npm run migrate`), timed, so a new
# migration's upgrade cost is measured on the 2M-tip data rather than hidden in the first bench.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${1:-.bench/$(date -u +%Y%m%d-%H%M)}
mkdir -p "$out"
# The seeded scale set the read benchmarks use; tips.ts makes its own empty hy_bench (never this one).
scale=${SCALE_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/hy_scale}
export SCALE_PASSWORD=${SCALE_PASSWORD:-demo12345}

run() {
  local name=$1; shift
  echo "== $name (load $(cut -d' ' -f1-3 /proc/loadavg)) $(date -u +%H:%M:%S)"
  local started=$SECONDS
  "$@" > "$out/$name.md" 2>&1
  echo "   exit $? after $((SECONDS - started)) s -> $out/$name.md"
}

npm run build > "$out/build.log" 2>&1 || { echo "build failed: $out/build.log"; exit 1; }
run migrate env DATABASE_URL="$scale" npm run migrate
run tips env -u BENCH_DATABASE_URL npx tsx scripts/bench/tips.ts --db both
run leaderboard env BENCH_DATABASE_URL="$scale" npx tsx scripts/bench/leaderboard.ts
run queue env BENCH_DATABASE_URL="$scale" npx tsx scripts/bench/queue.ts
run stats env BENCH_DATABASE_URL="$scale" npx tsx scripts/bench/stats.ts
run map env BENCH_DATABASE_URL="$scale" npx tsx scripts/bench/map.ts
run export env BENCH_DATABASE_URL="$scale" npx tsx scripts/bench/export.ts
run lighthouse npx tsx scripts/bench/lighthouse.ts --runs 3
echo "== done $(date -u +%H:%M:%S)"
