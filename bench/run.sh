#!/usr/bin/env bash
# Benchmark: copy a >= 1 GB database with pg_dump | pg_restore, pg_dump -Fd -j + pg_restore -j,
# pgcopydb clone and heroku2cloud data migrate, all in one session against the same two servers, then
# time heroku2cloud data validate against a plain count(*) scan of both sides and against the row-text
# checksum pgcopydb's compare command computes.
# Never part of the tests: run it by hand (see bench/README.md). The summary table goes to
# bench/results/summary-<time>.md, the full log to bench/results/run-<time>.log (not committed),
# the JSON reports to bench/work/.
#
#   bench/run.sh                       start two throw-away PostgreSQL servers under bench/work
#   bench/run.sh --source-server URL --target-server URL
#                                      use two existing servers (URLs of a database to connect to;
#                                      the user must be able to CREATE DATABASE on both)
# Environment: SCALE (pgbench scale, default 60), DOCUMENTS (default 120000), EVENTS (default 2000000),
# JOBS (default: number of cores), HEROKU2CLOUD_PG_BIN (server/client binaries), KEEP=1 to keep the data.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/work
RESULTS=$ROOT/bench/results
PGBIN=${HEROKU2CLOUD_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
SCALE=${SCALE:-60}
DOCUMENTS=${DOCUMENTS:-120000}
EVENTS=${EVENTS:-2000000}
JOBS=${JOBS:-$(nproc)}
SOURCE_SERVER="" TARGET_SERVER=""
while [ $# -gt 0 ]; do
  case "$1" in
    --source-server) SOURCE_SERVER=$2; shift 2 ;;
    --target-server) TARGET_SERVER=$2; shift 2 ;;
    *) echo "usage: bench/run.sh [--source-server URL --target-server URL]" >&2; exit 2 ;;
  esac
done
export PATH=$PGBIN:$PATH
mkdir -p "$WORK" "$RESULTS"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOG=$RESULTS/run-$STAMP.log
exec > >(tee "$LOG") 2>&1

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# --- servers -----------------------------------------------------------------------------------
start_server() { # name port
  local dir=$WORK/$1
  if [ ! -f "$dir/PG_VERSION" ]; then
    mkdir -p "$dir"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    as_postgres "$PGBIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  # The same settings on both servers for every tool: durability off (the tools are compared, not the disk).
  as_postgres "$PGBIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 120 -o "-p $2 -k $dir -c listen_addresses=127.0.0.1 \
    -c shared_buffers=1GB -c max_wal_size=8GB -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
    -c maintenance_work_mem=512MB -c max_connections=100" start >/dev/null
}
stop_servers() {
  [ -n "$SOURCE_SERVER$TARGET_SERVER" ] && [ "${STARTED:-0}" = 0 ] && return
  for name in source target; do
    [ -f "$WORK/$name/postmaster.pid" ] && as_postgres "$PGBIN/pg_ctl" -D "$WORK/$name" -m fast -w stop >/dev/null || true
  done
  [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK/source" "$WORK/target"
}
if [ -z "$SOURCE_SERVER" ]; then
  STARTED=1
  trap stop_servers EXIT
  free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
  SOURCE_PORT=${SOURCE_PORT:-$(free_port)}
  TARGET_PORT=${TARGET_PORT:-$(free_port)}
  [ "$SOURCE_PORT" != "$TARGET_PORT" ] || TARGET_PORT=$((SOURCE_PORT + 1))
  start_server source "$SOURCE_PORT"
  start_server target "$TARGET_PORT"
  SOURCE_SERVER=postgres://postgres@127.0.0.1:$SOURCE_PORT/postgres
  TARGET_SERVER=postgres://postgres@127.0.0.1:$TARGET_PORT/postgres
fi
# postgres://u:p@h:1/db?x=y -> same URL for database $2
url_for() { local base=${1%%\?*} query=""; [[ $1 == *\?* ]] && query="?${1#*\?}"; echo "${base%/*}/$2$query"; }
SRC=$(url_for "$SOURCE_SERVER" h2c_bench_source)
recreate() { psql -q -X "$1" -c "DROP DATABASE IF EXISTS $2" -c "CREATE DATABASE $2" >/dev/null; }

# --- the tool ----------------------------------------------------------------------------------
echo "== building heroku2cloud (Release)"
dotnet build "$ROOT/stacks/HerokuToCloud.Cli" -c Release --nologo -v quiet >/dev/null
CLI=(dotnet "$ROOT/stacks/HerokuToCloud.Cli/bin/Release/net10.0/heroku2cloud.dll")

# --- dataset -----------------------------------------------------------------------------------
if [ "$(psql -X -At "$SRC" -c "SELECT to_regclass('bench.documents') IS NOT NULL" 2>/dev/null || true)" != "t" ]; then
  echo "== building the dataset (pgbench scale $SCALE, $DOCUMENTS documents, $EVENTS events, 300 small tables)"
  recreate "$SOURCE_SERVER" h2c_bench_source
  pgbench -q -i -I dtgvpf -s "$SCALE" "$SRC" 2>&1 | tail -n 1
  psql -X -q -v ON_ERROR_STOP=1 -v accounts=$((SCALE * 100000)) -v documents="$DOCUMENTS" -v events="$EVENTS" -f "$ROOT/bench/dataset.sql" "$SRC"
fi
SIZE=$(psql -X -At "$SRC" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")
TABLES=$(psql -X -At "$SRC" -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname IN ('public', 'bench')")
psql -X -At "$SRC" -c "SELECT format('SELECT count(*) FROM ONLY %I.%I;', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'm') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'" > "$WORK/count-scan.sql"
ROWS=$(psql -X -At -f "$WORK/count-scan.sql" "$SRC" | awk '{s += $1} END {print s}')
# The checksum later pgcopydb versions compute in `pgcopydb compare data` (Debian's 0.10 has no compare):
# per table, the sum of a 32-bit hashtext of each row's text form, with the row count. Tables largest
# first, dealt in turn to $JOBS files so that each side runs $JOBS sessions, as data validate --jobs does.
rm -f "$WORK"/checksum-scan-*.sql
psql -X -At "$SRC" -c "SELECT format('SELECT count(1), md5(format(%L, sum(hashtext(t::text)::bigint), count(1))) FROM ONLY %I.%I t;', '%s-%s', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'm') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%' ORDER BY pg_relation_size(c.oid) DESC" \
  | awk -v jobs="$JOBS" -v dir="$WORK" '{ print > (dir "/checksum-scan-" (NR - 1) % jobs ".sql") }'
echo "== dataset: $SIZE, $TABLES tables, $ROWS rows"

# --- measuring ---------------------------------------------------------------------------------
declare -A WALL RSS
measure() { # name command...
  local name=$1; shift
  echo "== $name: $*" | sed -E 's#(postgres://[^:/@]+):[^@]*@#\1@#g'
  local status=0
  /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || status=$?
  WALL[$name]=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$WORK/$name.time")
  RSS[$name]=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$WORK/$name.time")
  echo "   exit $status, ${WALL[$name]} s, peak RSS ${RSS[$name]} MB"
  # data validate exits 1 when it finds differences: still a complete, timed run.
  [ $status -eq 0 ] || [[ $name == validate_* && $status -eq 1 ]] || { tail -n 5 "$WORK/$name.err"; unset "WALL[$name]"; return $status; }
}

# --- copies ------------------------------------------------------------------------------------
T_DUMP=$(url_for "$TARGET_SERVER" h2c_bench_dump_restore)
recreate "$TARGET_SERVER" h2c_bench_dump_restore
measure dump_restore bash -c "set -o pipefail; pg_dump -Fc -d '$SRC' | pg_restore --no-owner --exit-on-error -d '$T_DUMP'"

T_DIR=$(url_for "$TARGET_SERVER" h2c_bench_dump_dir)
recreate "$TARGET_SERVER" h2c_bench_dump_dir
rm -rf "$WORK/dump"
measure dump_dir_j bash -c "pg_dump -Fd -j $JOBS -f '$WORK/dump' -d '$SRC' && pg_restore -j $JOBS --no-owner --exit-on-error -d '$T_DIR' '$WORK/dump'"
rm -rf "$WORK/dump"

T_PGCOPYDB=$(url_for "$TARGET_SERVER" h2c_bench_pgcopydb)
recreate "$TARGET_SERVER" h2c_bench_pgcopydb
rm -rf "$WORK/pgcopydb"
if command -v pgcopydb >/dev/null; then
  measure pgcopydb pgcopydb clone --source "$SRC" --target "$T_PGCOPYDB" --table-jobs "$JOBS" --index-jobs "$JOBS" --no-owner --dir "$WORK/pgcopydb" || true
else
  echo "== pgcopydb: not installed (apt-get install pgcopydb); skipped"
fi

T_H2C=$(url_for "$TARGET_SERVER" h2c_bench_heroku2cloud)
recreate "$TARGET_SERVER" h2c_bench_heroku2cloud
MIGRATED=0
if "${CLI[@]}" data --help 2>/dev/null | grep -qE '^ +migrate'; then
  measure heroku2cloud_migrate "${CLI[@]}" data migrate --source "$SRC" --target "$T_H2C" --jobs "$JOBS" --json && MIGRATED=1 || true
  cp "$WORK/heroku2cloud_migrate.out" "$WORK/migrate-$STAMP.json" 2>/dev/null || true
else
  echo "== heroku2cloud data migrate: not in this build; skipped"
fi

# --- validation vs count(*) -------------------------------------------------------------------
# Validated pair: the heroku2cloud copy when there is one, else the pg_dump | pg_restore copy.
if [ $MIGRATED = 1 ]; then TGT=$T_H2C; else TGT=$T_DUMP; fi
# Both sides at once, each table in turn, default parallel query settings. PostgreSQL answers a count(*)
# from a table's primary-key index when it can (an index-only scan never reads the heap); HEAP=1 forbids
# index scans, so every heap page is read, as any check of the content must.
count_scan() {
  local options=""; [ "${HEAP:-0}" = 1 ] && options="-c enable_indexonlyscan=off -c enable_indexscan=off -c enable_bitmapscan=off"
  PGOPTIONS="$options" psql -X -At -f "$WORK/count-scan.sql" "$SRC" > /dev/null & local a=$!
  PGOPTIONS="$options" psql -X -At -f "$WORK/count-scan.sql" "$TGT" > /dev/null & local b=$!
  wait $a && wait $b
}
checksum_scan() {
  local pids=() file
  for file in "$WORK"/checksum-scan-*.sql; do
    psql -X -At -v ON_ERROR_STOP=1 -f "$file" "$SRC" > /dev/null & pids+=($!)
    psql -X -At -v ON_ERROR_STOP=1 -f "$file" "$TGT" > /dev/null & pids+=($!)
  done
  local pid; for pid in "${pids[@]}"; do wait "$pid"; done
}
export -f count_scan checksum_scan; export WORK SRC TGT
count_scan # warm both caches
for i in 1 2; do
  measure count_scan_$i bash -c count_scan
  measure count_heap_$i env HEAP=1 bash -c count_scan
  measure checksum_scan_$i bash -c checksum_scan
  measure validate_$i "${CLI[@]}" data validate --source "$SRC" --target "$TGT" --jobs "$JOBS" --json || true
done
cp "$WORK/validate_2.out" "$WORK/validate-$STAMP.json"

# --- report ------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "–"; else printf "%.2f", a / b }'; }
rate() { awk -v r="$ROWS" -v s="$1" 'BEGIN { if (s == "" || s == 0) print "–"; else printf "%.0f", r / s }'; }
{
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr); PostgreSQL $(pg_config --version | awk '{print $2}'); date $(date -u +%Y-%m-%d)"
  echo "Dataset: $SIZE, $TABLES tables, $ROWS rows; jobs = $JOBS"
  echo
  echo "| run | wall s | rows/s | peak RSS MB | × pg_dump\\|pg_restore | × pgcopydb |"
  echo "|---|---:|---:|---:|---:|---:|"
  # migrate ends with a full validation: its own summary's "seconds" is the copy alone.
  if [ $MIGRATED = 1 ]; then
    read -r COPY_ONLY VALIDATION_IN_MIGRATE < <(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); v = ((d.get("validation") or {}).get("report") or {}); print(d["seconds"], v.get("durationSeconds", "–"))' "$WORK/heroku2cloud_migrate.out")
    WALL[heroku2cloud_copy_only]=$COPY_ONLY
    RSS[heroku2cloud_copy_only]=${RSS[heroku2cloud_migrate]}
  fi
  for name in dump_restore dump_dir_j pgcopydb heroku2cloud_migrate heroku2cloud_copy_only; do
    [ -n "${WALL[$name]:-}" ] || continue
    echo "| $name | ${WALL[$name]} | $(rate "${WALL[$name]}") | ${RSS[$name]} | $(ratio "${WALL[$name]}" "${WALL[dump_restore]}") | $(ratio "${WALL[$name]}" "${WALL[pgcopydb]:-}") |"
  done
  [ $MIGRATED = 1 ] && echo && echo "heroku2cloud_migrate includes its closing validation ($VALIDATION_IN_MIGRATE s); heroku2cloud_copy_only is the copy as its summary times it."
  echo
  echo "| validation | wall s | peak RSS MB | × count(*) scan of both sides | × count(*) reading the heap |"
  echo "|---|---:|---:|---:|---:|"
  for i in 1 2; do
    echo "| count(*) scan $i (as planned) | ${WALL[count_scan_$i]} | – | 1.00 | $(ratio "${WALL[count_scan_$i]}" "${WALL[count_heap_$i]}") |"
    echo "| count(*) scan $i, heap only | ${WALL[count_heap_$i]} | – | $(ratio "${WALL[count_heap_$i]}" "${WALL[count_scan_$i]}") | 1.00 |"
    echo "| pgcopydb's row-text checksum $i | ${WALL[checksum_scan_$i]} | – | $(ratio "${WALL[checksum_scan_$i]}" "${WALL[count_scan_$i]}") | $(ratio "${WALL[checksum_scan_$i]}" "${WALL[count_heap_$i]}") |"
    echo "| data validate $i | ${WALL[validate_$i]} | ${RSS[validate_$i]} | $(ratio "${WALL[validate_$i]}" "${WALL[count_scan_$i]}") | $(ratio "${WALL[validate_$i]}" "${WALL[count_heap_$i]}") |"
  done
} | tee "$RESULTS/summary-$STAMP.md"
echo "log: $LOG"
