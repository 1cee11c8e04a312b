#!/usr/bin/env bash
# A loopback Spark standalone cluster made only of Maven-resolved Spark jars, for the cluster
# integration test and for users without a Spark install:
#   jobs/local-cluster.sh start|stop|status
# 1 master and 2 workers (1 core, 2 GB each), every socket on 127.0.0.1; the master's REST
# submission server is off. Submit to it with
#   jobs/submit.sh --master spark://127.0.0.1:7077 -- run ...
#
# Environment (not ONCORWE_*: those are config keys):
#   LOCAL_CLUSTER_DIR   state folder (default: $ONCORWE_HOME/target/local-cluster): the SPARK_HOME
#                         stand-in (spark-home/jars), pid files, logs, the workers' work dirs
#   LOCAL_CLUSTER_PORT  master port (default 7077); LOCAL_CLUSTER_UI_PORT master UI (default 8080)
#   LOCAL_CLUSTER_WORKERS, LOCAL_CLUSTER_WORKER_CORES, LOCAL_CLUSTER_WORKER_MEMORY (2, 1, 2g)
# Exit codes: 0 ok; 1 failed (start timed out, ...); 3 `status` when the cluster is not running.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cluster_dir="${LOCAL_CLUSTER_DIR:-$ONCORWE_HOME/target/local-cluster}"
port="${LOCAL_CLUSTER_PORT:-7077}"
ui_port="${LOCAL_CLUSTER_UI_PORT:-8080}"
workers="${LOCAL_CLUSTER_WORKERS:-2}"
worker_cores="${LOCAL_CLUSTER_WORKER_CORES:-1}"
worker_memory="${LOCAL_CLUSTER_WORKER_MEMORY:-2g}"
spark_home="$cluster_dir/spark-home"
run_dir="$cluster_dir/run"
log_dir="$cluster_dir/logs"
master_url="spark://127.0.0.1:$port"
# Every JVM this script starts carries this marker, so stop never signals a recycled pid.
marker="-Doncorwe.local.cluster=$cluster_dir"

# The Spark version the launchers run (the driver's), from the build's runtime classpath.
spark_version() {
  grep -o 'spark-core_2\.13/[^/]*/' "$OR_CLASSPATH_FILE" | head -1 | cut -d/ -f2
}

# SPARK_HOME stand-in: jars/ holds Spark and its dependencies as Maven resolves them from a pom
# holding only spark-sql_2.13 at the driver's Spark version (not the project's own dependency
# list: a library Spark shares with our compile scope, commons-io, would be missing), RELEASE names it.
ensure_spark_home() {
  local version
  version="$(spark_version)"
  [[ -n "$version" ]] || or_die "no spark-core in $OR_CLASSPATH_FILE"
  if [[ -f "$spark_home/RELEASE" && "$(cat "$spark_home/RELEASE")" == "Spark $version (Maven-resolved from spark-sql_2.13)" ]]; then
    return 0
  fi
  echo "local-cluster: resolving the Spark $version jars into $spark_home/jars ..." >&2
  rm -rf "$spark_home"
  mkdir -p "$spark_home/jars" "$spark_home/conf"
  cat > "$spark_home/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.oncorwe</groupId>
  <artifactId>local-cluster-spark-home</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.spark</groupId>
      <artifactId>spark-sql_2.13</artifactId>
      <version>$version</version>
    </dependency>
  </dependencies>
</project>
POM
  (cd "$spark_home" && ${MVN:-mvn} -B -q -ntp -Dstyle.color=never \
    org.apache.maven.plugins:maven-dependency-plugin:3.11.0:copy-dependencies -DoutputDirectory=jars >&2) \
    || or_die "cannot resolve the Spark jars with Maven"
  echo "Spark $version (Maven-resolved from spark-sql_2.13)" > "$spark_home/RELEASE"
}

# pid of a role (master, worker-1, ...) when that process is alive and is ours; else nothing.
live_pid() {
  local file="$run_dir/$1.pid" pid
  [[ -f "$file" ]] || return 1
  pid="$(cat "$file")"
  [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$marker " \
    && { echo "$pid"; return 0; }
  return 1
}

# launch ROLE CLASS ARGS...: one daemon JVM, detached, its pid in run/ROLE.pid, its log in logs/ROLE.log
# (Spark's own INFO logging: start and status read the master's registration lines).
launch() {
  local role="$1" class="$2"; shift 2
  local flags
  mapfile -t flags < <(or_jvm_flags)
  # setsid: the daemon outlives this shell and a Ctrl-C of its caller; SPARK_HOME and
  # SPARK_SCALA_VERSION let the Worker build executor command lines from jars/ (without the
  # Scala version the launcher looks for a source build: "Cannot find any build directories").
  SPARK_HOME="$spark_home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_CONF_DIR="$spark_home/conf" \
    setsid "$OR_JAVA" "$marker" "${flags[@]}" -Xmx512m \
    -Dspark.master.rest.enabled=false \
    -cp "$spark_home/conf:$spark_home/jars/*" "$class" "$@" \
    > "$log_dir/$role.log" 2>&1 < /dev/null &
  echo $! > "$run_dir/$role.pid"
}

registered_workers() {
  grep -c 'Registering worker' "$log_dir/master.log" 2>/dev/null || true
}

start() {
  if live_pid master > /dev/null; then
    echo "local-cluster: already running"
    status
    return
  fi
  or_ensure_built
  ensure_spark_home
  mkdir -p "$run_dir" "$log_dir"
  launch master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port "$ui_port"
  local i waited=0
  # the master must listen before the workers register
  until grep -q 'Starting Spark master at' "$log_dir/master.log" 2>/dev/null; do
    live_pid master > /dev/null || { tail -20 "$log_dir/master.log" >&2; stop > /dev/null; or_die "the master did not start"; }
    ((waited++ < 120)) || { stop > /dev/null; or_die "the master did not start in 60 s"; }
    sleep 0.5
  done
  for ((i = 1; i <= workers; i++)); do
    mkdir -p "$cluster_dir/work/worker-$i"
    launch "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --webui-port 0 \
      --cores "$worker_cores" --memory "$worker_memory" --work-dir "$cluster_dir/work/worker-$i" "$master_url"
  done
  waited=0
  until (($(registered_workers) >= workers)); do
    ((waited++ < 240)) || { tail -20 "$log_dir"/*.log >&2; stop > /dev/null; or_die "the workers did not register in 120 s"; }
    sleep 0.5
  done
  status
}

stop() {
  local f role pid pids=()
  [[ -d "$run_dir" ]] || { echo "local-cluster: not running"; return 0; }
  # workers first (each stops its executors), then the master
  for f in "$run_dir"/worker-*.pid "$run_dir"/master.pid; do
    [[ -f "$f" ]] || continue
    role="$(basename "$f" .pid)"
    if pid="$(live_pid "$role")"; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      echo "local-cluster: stopping $role (pid $pid)"
    fi
  done
  local waited=0 alive
  while :; do
    alive=()
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null && alive+=("$pid")
    done
    ((${#alive[@]})) || break
    if ((waited++ >= 40)); then
      kill -KILL "${alive[@]}" 2>/dev/null || true
      break
    fi
    sleep 0.5
  done
  rm -f "$run_dir"/*.pid
}

status() {
  local pid i up=0
  if pid="$(live_pid master)"; then
    echo "master  $master_url  pid $pid  ui http://127.0.0.1:$ui_port"
  else
    echo "master  $master_url  not running"
    return 3
  fi
  for ((i = 1; i <= workers; i++)); do
    if pid="$(live_pid "worker-$i")"; then
      up=$((up + 1))
      echo "worker-$i  $worker_cores core(s), $worker_memory  pid $pid  log $log_dir/worker-$i.log"
    else
      echo "worker-$i  not running"
    fi
  done
  echo "workers registered with the master: $(registered_workers) (running: $up of $workers)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) or_die "usage: jobs/local-cluster.sh start|stop|status" ;;
esac
