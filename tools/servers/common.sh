# Shared helpers for tools/stack: settings, process bookkeeping, downloads, templates, readiness waits.
# Sourced by tools/stack; every message goes to stderr so that `tools/stack env` prints nothing but exports.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVERS_DIR="$REPO_ROOT/tools/servers"
STACK_DIR="${JOBCAST_STACK_DIR:-$REPO_ROOT/.stack}"
LOGS_DIR="$STACK_DIR/logs"
SERVERS_CACHE="${JOBCAST_SERVERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jobcast/servers}"
STACK_HEAP="${JOBCAST_STACK_HEAP:-512m}"
STACK_TIMEOUT="${JOBCAST_STACK_TIMEOUT:-240}"
# The dependency plugin bundled with Maven 3.8 is too old for Java 17 projects; pin a current one.
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.10.0"

say() { printf '%s\n' "$*" >&2; }
die() { printf 'tools/stack: %s\n' "$*" >&2; exit 1; }
# Reports a problem with one service and returns non-zero, so `up` can go on with the others.
fail() { printf 'tools/stack: %s\n' "$*" >&2; return 1; }

service_dir() { printf '%s/%s' "$STACK_DIR" "$1"; }
log_file() { printf '%s/%s.log' "$LOGS_DIR" "$1"; }

# The `<server.version>` property of tools/servers/<service>/pom.xml: the single place a version is pinned.
pom_version() {
  sed -n 's:.*<server.version>\(.*\)</server.version>.*:\1:p' "$SERVERS_DIR/$1/pom.xml"
}

cache_dir() { printf '%s/%s-%s' "$SERVERS_CACHE" "$1" "$(pom_version "$1")"; }

# Copies the jars of tools/servers/<service>/pom.xml into the cache once; later calls return at once.
install_maven_jars() {
  local service=$1 lib
  lib="$(cache_dir "$service")/lib"
  [[ -d $lib ]] && return 0
  command -v java >/dev/null || fail "$service needs Java 17 (install openjdk-17-jre-headless)" || return 1
  command -v mvn >/dev/null || fail "$service jars are not cached yet and Maven is missing (install maven)" || return 1
  local partial="$lib.partial.$$" download_log="$LOGS_DIR/$service-download.log"
  say "downloading $service $(pom_version "$service") from Maven Central (once; cached in $(cache_dir "$service"))"
  mkdir -p "$(dirname "$lib")"
  if ! mvn -B -q -f "$SERVERS_DIR/$service/pom.xml" -DoutputDirectory="$partial" -DincludeScope=runtime \
      "$DEPENDENCY_PLUGIN:copy-dependencies" >"$download_log" 2>&1; then
    rm -rf "$partial"
    fail "could not download the $service jars from Maven Central; last lines of $download_log:" || true
    tail -n 15 "$download_log" >&2
    return 1
  fi
  # Atomic: an interrupted download never looks cached. Another checkout may have won the race; keep its copy.
  mv -T "$partial" "$lib" 2>/dev/null || rm -rf "$partial"
}

# Compiles a launcher class once per source version into the cache.
compile_launcher() {
  local service=$1 source=$2 checksum classes
  checksum=$(sha256sum "$source" | cut -c1-12)
  classes="$(cache_dir "$service")/classes-$checksum"
  if [[ ! -d $classes ]]; then
    command -v javac >/dev/null || fail "$service needs a JDK 17 to compile its launcher (install openjdk-17-jdk-headless)" || return 1
    javac -nowarn -d "$classes.partial.$$" -cp "$(cache_dir "$service")/lib/*" "$source" >&2 \
      || fail "could not compile $source" || return 1
    mv -T "$classes.partial.$$" "$classes" 2>/dev/null || rm -rf "$classes.partial.$$"
  fi
  printf '%s' "$classes"
}

# JVM flags shared by the three Java servers: small fixed heap, a GC with few threads (the machine has 2 cores).
jvm_options() {
  printf '%s\n' "-Xms$STACK_HEAP" "-Xmx$STACK_HEAP" -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData \
    -Djava.awt.headless=true -Dfile.encoding=UTF-8
}

# Writes <template> to <out> with every {{NAME}} replaced by the VALUE of a NAME=VALUE argument.
render_template() {
  local template=$1 out=$2 text pair
  shift 2
  text=$(<"$template")
  for pair in "$@"; do
    text=${text//"{{${pair%%=*}}}"/"${pair#*=}"}
  done
  if [[ $text =~ \{\{[A-Z_]+\}\} ]]; then
    fail "placeholder ${BASH_REMATCH[0]} in $template has no value" || return 1
  fi
  printf '%s\n' "$text" >"$out"
}

# Starts a server in its own session, so closing the terminal or a test runner does not take it down.
# It must not inherit the stack lock (fd 9), or the lock would be held for as long as the server lives.
launch_detached() {
  local service=$1
  shift
  setsid "$@" >>"$(log_file "$service")" 2>&1 </dev/null 9>&- &
  printf '%s\n' "$!" >"$(service_dir "$service")/pid"
}

# PIDs of the servers started for <service>: java or postgres processes whose command line names its state
# folder. Finds strays whose pid file was lost (a crashed run, a deleted .stack) as well, and never an editor or
# `tail` that merely has a file of the folder open.
service_processes() {
  local marker pid executable
  marker="$(service_dir "$1")/"
  # The marker reaches grep through a file descriptor, so grep's own command line does not match it.
  for pid in $(grep -lsF -f <(printf '%s\n' "$marker") /proc/[0-9]*/cmdline | sed 's:^/proc/\([0-9]*\)/cmdline$:\1:'); do
    IFS= read -r -d '' executable 2>/dev/null <"/proc/$pid/cmdline" || true
    case ${executable##*/} in
      java | postgres) printf '%s\n' "$pid" ;;
    esac
  done
}

# The pid of the running server if the pid file points at a live process of ours (not a recycled pid).
running_pid() {
  local pid_file pid
  pid_file="$(service_dir "$1")/pid"
  [[ -f $pid_file ]] || return 1
  pid=$(<"$pid_file")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$(service_dir "$1")/" || return 1
  printf '%s' "$pid"
}

# Sends TERM, waits for a clean exit, then KILL; used for the pid file's process and for strays alike.
terminate() {
  local service=$1 pid waited=0
  local pids=()
  mapfile -t pids < <({ running_pid "$service" && echo; service_processes "$service"; } | sort -u | sed '/^$/d')
  ((${#pids[@]})) || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  while ((waited < 60)); do
    local alive=()
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    ((${#alive[@]})) || return 0
    sleep 0.5
    ((waited += 1))
  done
  say "$service did not stop within 30 s; killing it"
  kill -KILL "${pids[@]}" 2>/dev/null || true
}

port_in_use() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Fails with a plain message naming the port, its owner when visible, and the variable that moves it.
require_free_ports() {
  local service=$1 port
  shift
  for port in "$@"; do
    if port_in_use "$port"; then
      local owner
      owner=$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'users:(([^)]*' | head -n1 | sed 's/users:((//')
      fail "$service cannot start: port $port is already in use${owner:+ by $owner}." \
        "Stop that process or choose another port (see tools/README.md)."
      return 1
    fi
  done
}

# Waits until <service>::healthy answers; gives up when the server dies or the timeout passes.
wait_ready() {
  local service=$1 started=$SECONDS
  until "$service::healthy"; do
    if ! running_pid "$service" >/dev/null; then
      fail "$service exited during start-up; last lines of $(log_file "$service"):" || true
      tail -n 25 "$(log_file "$service")" >&2
      return 1
    fi
    if ((SECONDS - started > STACK_TIMEOUT)); then
      fail "$service did not become ready within ${STACK_TIMEOUT}s (JOBCAST_STACK_TIMEOUT); see $(log_file "$service")"
      return 1
    fi
    sleep 1
  done
  say "$service ready after $((SECONDS - started))s"
}

# Settings a running service was started with win over the environment: `status`/`env` must describe the
# server that is actually running, even from a shell without the JOBCAST_* variables used at `up`.
load_settings() {
  local settings_file
  settings_file="$(service_dir "$1")/settings.env"
  if running_pid "$1" >/dev/null && [[ -f $settings_file ]]; then
    # shellcheck disable=SC1090
    source "$settings_file"
  fi
}

save_settings() {
  local service=$1 name
  shift
  for name in "$@"; do printf '%s=%q\n' "$name" "${!name}"; done >"$(service_dir "$service")/settings.env"
}
