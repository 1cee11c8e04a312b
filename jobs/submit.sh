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

driver_opts="${flags[*]} -Doncorwe.home=$ONCORWE_HOME -Dlog4j2.configurationFile=$ONCORWE_HOME/conf/log4j2.properties ${ONCORWE_JAVA_OPTS:-}"
executor_opts="${flags[*]}"
common=(--master "$master" --class "$OR_MAIN"
  --conf "spark.executor.extraJavaOptions=$executor_opts"
  --conf "spark.driver.extraJavaOptions=$driver_opts"
  --archives "$conf_zip#conf")

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
