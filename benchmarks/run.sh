#!/usr/bin/env bash
# Builds and runs the triggercache benchmarks, then writes target/results/<mode>/report.md.
#
#   benchmarks/run.sh smoke   one short iteration of every benchmark, to prove they still run (CI; < 3 min)
#   benchmarks/run.sh quick   the whole suite in a few minutes: indicative numbers (1 fork, 2+3 iterations)
#   benchmarks/run.sh full    2 forks, 5 warm-up + 5 measured iterations of 2 s: the numbers to publish
#
# Arguments after the mode go to the Maven build: `benchmarks/run.sh quick -Pservices` also runs B4 and B5 on
# the PostgreSQL server at 127.0.0.1:5432 (database test, user postgres), next to H2, and B7 also on Redisson over the
# Redis at 127.0.0.1:6379 (database 7), next to Hazelcast and Infinispan.
#
# Exits non-zero as soon as a benchmark or harness fails. Set TRIGGERCACHE_BENCH_NO_BUILD=1 to reuse the
# last build (target/classes and target/lib), and TRIGGERCACHE_BENCH_FILTER to a regular
# expression to run only the JMH benchmarks it matches (the harnesses then run only if it matches their name),
# and TRIGGERCACHE_BENCH_OUT to a folder for the results instead of target/results/<mode>.
set -euo pipefail

mode="${1:-quick}"
shift || true
maven_args=("$@")
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="${TRIGGERCACHE_BENCH_OUT:-$here/target/results/$mode}"

case "$mode" in
  smoke)
    jmh=(-f 1 -wi 0 -i 1 -w 100ms -r 100ms)
    threads=(1)
    # each benchmark method runs once; Ehcache-specific paths run in B3, B4, B5 and B6
    hit=(-p provider=caffeine)
    write=(3 20 1)            # B5 rounds, transactions per variant and round, warm-up rounds
    stampede=(1 0)            # trials, warm-up trials
    footprint=(20000 1)       # entries, repetitions
    growth=(-p entries=1000)
    dispatch=(-p methods=10 -p matching=all)
    workload=(0.2 0.5 95/5)   # B4 seconds of warm-up and of measurement per cell, mixes
    near_engines=hazelcast    # B7 on one engine only (each contender starts its own two-node cluster)
    near=(-p deps=4)          # B7's dependency benchmark at one size (one more cluster start)
    sharded='ShardedHitBenchmark\.strictEngine'   # B7 on memcached and Redis Cluster: the STRICT hit only (about 15 s: each store's servers start once)
    scaling=(-p store=concurrentHashMap,caffeine)   # B8 on the anchor and one store
    ;;
  quick)
    jmh=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
    threads=(1 2)
    stampede=(10 3)
    footprint=(200000 3)
    growth=()
    dispatch=()
    workload=(2 4 99/1,95/5,80/20)
    hit=()
    near=()
    sharded='ShardedHitBenchmark'
    scaling=()
    write=(20 200 5)
    ;;
  full)
    jmh=(-f 2 -wi 5 -w 2s -i 5 -r 2s)
    threads=(1 2)
    stampede=(30 5)
    footprint=(1000000 5)
    growth=()
    dispatch=()
    workload=(5 15 99/1,95/5,80/20)
    hit=()
    near=()
    sharded='ShardedHitBenchmark'
    scaling=()
    write=(60 300 10)
    ;;
  *)
    echo "usage: $0 [smoke|quick|full]" >&2
    exit 2
    ;;
esac

if [[ "${TRIGGERCACHE_BENCH_NO_BUILD:-}" != 1 ]]; then
  echo "== build"
  if ! (cd "$root" && mvn -q -B -Dstyle.color=never -pl benchmarks -am -DskipTests "${maven_args[@]}" package); then
    # another module may be in the middle of a change: fall back to the artifacts installed last
    echo "run.sh: the reactor build failed; building the benchmarks module alone against the installed artifacts" >&2
    (cd "$here" && mvn -q -B -Dstyle.color=never -DskipTests "${maven_args[@]}" package)
  fi
fi

cp="$here/target/classes:$here/target/lib/*"
quiet="-Djava.util.logging.config.file=$here/src/main/resources/quiet-logging.properties"
filter="${TRIGGERCACHE_BENCH_FILTER:-.}"
# the databases the build chose for B4 and B5 (h2, or h2,postgres with -Pservices), and B7's engines
# (hazelcast,infinispan, or hazelcast,infinispan,redisson with -Pservices)
databases="$(sed -n 's/^databases=//p' "$here/target/classes/triggercache-benchmarks.properties")"
near_engines="${near_engines:-$(sed -n 's/^engines=//p' "$here/target/classes/triggercache-benchmarks.properties")}"
# B7 starts Hazelcast members in the benchmark JVM: the access to JDK internals Hazelcast asks for
hazelcast_jvm="--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.management/sun.management=ALL-UNNAMED --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED -Djava.net.preferIPv4Stack=true -Dhazelcast.phone.home.enabled=false"
rm -rf "$out"
mkdir -p "$out"
start=$(date +%s)

selected() {
  [[ "$1" =~ $filter ]]
}

jmh_run() {
  local name="$1" pattern="$2"
  shift 2
  if selected "$pattern"; then
    echo "== $name ($(( $(date +%s) - start )) s)"
    local status=0
    java -cp "$cp" org.openjdk.jmh.Main "$pattern" "${jmh[@]}" "$@" -prof gc -foe true \
      -jvmArgsAppend "$quiet${jvm_extra:+ $jvm_extra}" -rf json -rff "$out/$name.json" > "$out/$name.log" 2>&1 || status=$?
    if [[ "$status" != 0 || ! -s "$out/$name.json" ]]; then
      tail -n 60 "$out/$name.log" >&2
      echo "run.sh: $name failed (exit $status; whole log: $out/$name.log)" >&2
      exit 1
    fi
    grep -E '^[A-Za-z]+Benchmark\.' "$out/$name.log" | grep -v ':gc\.' || true
  fi
}

for t in "${threads[@]}"; do
  # "b1." so that B7's NearHitBenchmark does not match too (TRIGGERCACHE_BENCH_FILTER=b1 selects B1 alone)
  jmh_run "b1-hit-t$t" 'b1.HitBenchmark' -t "$t" "${hit[@]}"
done
jmh_run b2-key 'KeyBenchmark'
jmh_run b6-growth 'GrowthBenchmark' "${growth[@]}"
jmh_run b6-dispatch 'DispatchBenchmark' "${dispatch[@]}"
jvm_extra="$hazelcast_jvm" jmh_run b7-near-hit 'NearHitBenchmark' -p engine="$near_engines" "${near[@]}"
# B7 on the sharded stores: memcached (3 servers) and Redis Cluster (3 masters, 3 replicas), started by the benchmark
# on free loopback ports and stopped after it; a store whose server binaries are missing is skipped, with a message
if selected 'ShardedHitBenchmark'; then
  sharded_stores=()
  if [[ -x /usr/bin/memcached ]]; then sharded_stores+=(memcached)
  else echo "run.sh: B7 memcached rows skipped: /usr/bin/memcached not found (Debian package memcached)"; fi
  if [[ -x /usr/bin/redis-server && -x /usr/bin/redis-cli ]]; then sharded_stores+=(rediscluster)
  else echo "run.sh: B7 Redis Cluster rows skipped: /usr/bin/redis-server or /usr/bin/redis-cli not found (Debian package redis-server)"; fi
  if (( ${#sharded_stores[@]} > 0 )); then
    sharded_list="$(IFS=,; echo "${sharded_stores[*]}")"
    jmh_run b7-sharded-hit "$sharded" -p store="$sharded_list"
    java -cp "$cp" io.triggercache.benchmarks.b7.ShardedTable "$out/b7-sharded-hit.json" "$out/b7-sharded.md"
  fi
fi
# B8: 1, 2 and 4 threads in one run (one @Threads method each), so no -t here
jmh_run b8-hit-scaling 'b8.HitScalingBenchmark' "${scaling[@]}"

if selected Stampede; then
  echo "== b3-stampede ($(( $(date +%s) - start )) s)"
  java "$quiet" -cp "$cp" io.triggercache.benchmarks.b3.Stampede "${stampede[@]}" "$out/b3.md"
fi
if selected Workload; then
  echo "== b4-workload on $databases ($(( $(date +%s) - start )) s)"
  java "$quiet" -Dtriggercache.benchmarks.databases="$databases" -cp "$cp" io.triggercache.benchmarks.b4.Workload "${workload[@]}" "$out/b4.md"
fi
if selected WriteOverhead; then
  echo "== b5-write-overhead on $databases ($(( $(date +%s) - start )) s)"
  java "$quiet" -Dtriggercache.benchmarks.databases="$databases" -cp "$cp" io.triggercache.benchmarks.b5.WriteOverhead "${write[@]}" "$out/b5.md"
fi
if selected Footprint; then
  echo "== b6-footprint ($(( $(date +%s) - start )) s)"
  # the serial collector makes "used heap after a full collection" exact
  java -XX:+UseSerialGC "$quiet" -cp "$cp" io.triggercache.benchmarks.b6.Footprint "${footprint[@]}" "$out/footprint.md"
fi

java -cp "$cp" io.triggercache.benchmarks.report.Report "$out" "$mode" "${jmh[*]} -prof gc" > /dev/null
echo "== done in $(( $(date +%s) - start )) s: $out/report.md"
