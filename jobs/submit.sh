#!/usr/bin/env bash
# Runs OncoRWE's shaded jar under spark-submit:
#   jobs/submit.sh [--master URL] [spark-submit options] -- <subcommand> [options]
# Uses the real spark-submit when it is on PATH, else org.apache.spark.deploy.SparkSubmit from
# the Maven-resolved Spark jars. Ships conf/ (application.conf, log4j2.properties, dictionaries)
# with the job; gives the driver and executors Spark's module flags and UTC.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

master="local[*]"
submit_opts=()
driver_memory=""
while (($#)); do
  case "$1" in
    --) shift; break ;;
    --master) master="$2"; shift 2 ;;
    --master=*) master="${1#--master=}"; shift ;;
    --driver-memory) driver_memory="$2"; shift 2 ;;
    --driver-memory=*) driver_memory="${1#--driver-memory=}"; shift ;;
    *) submit_opts+=("$1"); shift ;;
  esac
done
(($#)) || or_die "usage: jobs/submit.sh [--master URL] [spark-submit options] -- <subcommand> [options]"

# The pseudonym key never travels as a Spark property (the UI, the event log and
# spark-submit's own output would carry it): client mode reads it from the driver's
# environment, Kubernetes from a secret (docs/operations.md, The pseudonym key on a cluster).
redaction='(?i)secret|password|token|access[.]?key'  # Spark's default spark.redaction.regex
kept=()
while ((${#submit_opts[@]})); do
  opt="${submit_opts[0]}" value=""
  case "$opt" in
    --conf) value="${submit_opts[1]:-}"; submit_opts=("${submit_opts[@]:2}") ;;
    --conf=*) value="${opt#--conf=}"; submit_opts=("${submit_opts[@]:1}") ;;
    *) kept+=("$opt"); submit_opts=("${submit_opts[@]:1}"); continue ;;
  esac
  case "$value" in
    *secretKeyRef.ONCORWE_PSEUDONYM_KEY=*) kept+=(--conf "$value") ;;
    *ONCORWE_PSEUDONYM_KEY=*)
      echo "error: do not pass ONCORWE_PSEUDONYM_KEY as a --conf (it would show in the Spark UI and event log);" \
        "set it in the driver's environment (client mode) or use a Kubernetes secret (docs/operations.md)" >&2
      exit 2 ;;
    spark.redaction.regex=*) redaction="${value#spark.redaction.regex=}" ;;  # extended below, not replaced
    *) kept+=(--conf "$value") ;;
  esac
done
submit_opts=(${kept[@]+"${kept[@]}"})
# Spark redacts the values of properties and environment variables whose names match this.
redaction="$redaction|pseudonym|ONCORWE_PSEUDONYM_KEY"

or_ensure_built
mapfile -t flags < <(or_jvm_flags)
if [[ -z "$driver_memory" ]]; then
  mapfile -t config_args < <(or_config_args "$@")
  # A bad configuration is reported by the command itself (exit 2, with its run manifest).
  driver_memory="$(or_config_get runtime.driver_memory "${config_args[@]}" 2>/dev/null)" || driver_memory=1g
fi

# conf/ travels with the job as an archive unpacked as ./conf in each container.
conf_zip="$ONCORWE_HOME/target/oncorwe-conf.zip"
(cd "$ONCORWE_HOME" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" --create --no-manifest --file "$conf_zip" -C conf .) \
  || or_die "cannot pack conf/ into $conf_zip"

# A master on loopback (jobs/local-cluster.sh) gets a driver on loopback too: its executors
# connect back to 127.0.0.1, and nothing listens on another interface.
loopback=()
if [[ "$master" =~ ^spark://(127\.0\.0\.1|localhost)(:|$) ]]; then
  export SPARK_LOCAL_IP=127.0.0.1
  loopback=(--conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1)
fi

# In cluster deploy mode the driver runs in a container whose working directory holds the
# shipped ./conf (YARN); elsewhere ONCORWE_JAVA_OPTS=-Doncorwe.home=... overrides it.
driver_home="$ONCORWE_HOME"
for ((i = 0; i < ${#submit_opts[@]}; i++)); do
  [[ "${submit_opts[i]}" == "--deploy-mode=cluster" ||
     ("${submit_opts[i]}" == "--deploy-mode" && "${submit_opts[i + 1]:-}" == cluster) ]] && driver_home=.
done
driver_opts="${flags[*]} -Doncorwe.home=$driver_home -Dlog4j2.configurationFile=$driver_home/conf/log4j2.properties ${ONCORWE_JAVA_OPTS:-}"
executor_opts="${flags[*]}"
common=(--master "$master" --class "$OR_MAIN"
  --conf "spark.executor.extraJavaOptions=$executor_opts"
  --conf "spark.driver.extraJavaOptions=$driver_opts"
  --archives "$conf_zip#conf"
  --conf "spark.redaction.regex=$redaction"
  "${loopback[@]}")

if command -v spark-submit >/dev/null 2>&1; then
  exec spark-submit "${common[@]}" --driver-memory "$driver_memory" "${submit_opts[@]}" "$OR_JAR" "$@"
fi
# No Spark install: SparkSubmit from the Maven-resolved jars, in this JVM (client mode), so the
# driver's flags go on this JVM itself.
# shellcheck disable=SC2086
exec "$OR_JAVA" "${flags[@]}" -Xmx"$driver_memory" -Doncorwe.home="$ONCORWE_HOME" \
  -Dlog4j2.configurationFile="$ONCORWE_HOME/conf/log4j2.properties" ${ONCORWE_JAVA_OPTS:-} \
  -cp "$(cat "$OR_CLASSPATH_FILE")" org.apache.spark.deploy.SparkSubmit \
  "${common[@]}" "${submit_opts[@]}" "$OR_JAR" "$@"
