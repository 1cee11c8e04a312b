# Shared by jobs/oncorwe and jobs/submit.sh (sourced, not run).
# Finds the OncoRWE home, (re)builds the shaded jar and the runtime classpath when they are
# missing or older than pom.xml or anything under src/, and knows the JVM flags Spark needs.
#
# Environment: ONCORWE_HOME (default: this script's repo), JAVA_HOME (else java on PATH),
# MVN (the Maven command, default mvn), ONCORWE_JAVA_OPTS (extra JVM options).

set -euo pipefail

ONCORWE_HOME="${ONCORWE_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
export ONCORWE_HOME
OR_JAR="$ONCORWE_HOME/target/oncorwe.jar"
OR_CLASSPATH_FILE="$ONCORWE_HOME/target/classpath.txt"
OR_FLAGS_FILE="$ONCORWE_HOME/target/classes/org/oncorwe/jvm-flags.txt"
OR_JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
OR_MAIN=org.oncorwe.cli.Main

or_die() {
  echo "error: $*" >&2
  exit 1
}

# True (0) when the jar, the classpath or the flags file is missing, or when pom.xml or any file
# under src/ is newer than the jar (the shade step rewrites the jar on every package; the
# classpath file is rewritten only when it changes, so it is no staleness clock).
or_needs_build() {
  local f
  for f in "$OR_JAR" "$OR_CLASSPATH_FILE" "$OR_FLAGS_FILE"; do
    [[ -f "$f" ]] || return 0
  done
  [[ -n "$(find "$ONCORWE_HOME/pom.xml" "$ONCORWE_HOME/src" -type f -newer "$OR_JAR" -print -quit 2>/dev/null)" ]]
}

or_ensure_built() {
  if or_needs_build; then
    echo "oncorwe: building the jar and runtime classpath (mvn package, tests skipped)..." >&2
    (cd "$ONCORWE_HOME" && ${MVN:-mvn} -B -q -ntp -Dstyle.color=never -DskipTests package >&2) \
      || or_die "the build failed; run 'mvn -B package' in $ONCORWE_HOME to see why"
    [[ -f "$OR_JAR" && -f "$OR_CLASSPATH_FILE" && -f "$OR_FLAGS_FILE" ]] \
      || or_die "the build did not produce $OR_JAR, $OR_CLASSPATH_FILE and $OR_FLAGS_FILE"
  fi
}

# Spark's module flags for Java 17 (one source: the pom's spark.module.flags), plus UTC.
or_jvm_flags() {
  local flags
  read -r -a flags < "$OR_FLAGS_FILE"
  printf '%s\n' "${flags[@]}" -Duser.timezone=UTC -Dfile.encoding=UTF-8
}

# The config options among a command line (--config FILE, -D key=value), to resolve config as the command will.
or_config_args() {
  local out=() a
  while (($#)); do
    a="$1"; shift
    case "$a" in
      --config|-D) (($#)) && { out+=("$a" "$1"); shift; } ;;
      --config=*|-D?*) out+=("$a") ;;
      --) break ;;
    esac
  done
  ((${#out[@]})) && printf '%s\n' "${out[@]}"
  return 0
}

# Resolves one config key without Spark: or_config_get KEY [config args...]
or_config_get() {
  local key="$1"; shift
  "$OR_JAVA" -Duser.timezone=UTC -Doncorwe.home="$ONCORWE_HOME" -cp "$OR_JAR:$(cat "$OR_CLASSPATH_FILE")" \
    -Dlog4j2.configurationFile="$ONCORWE_HOME/conf/log4j2.properties" \
    "$OR_MAIN" config get "$key" "$@"
}
