# PostgreSQL from Debian's server binaries: a private cluster in the state folder, on its own port and socket.
# Sourced by tools/stack; implements the service functions it calls (see tools/README.md).

POSTGRES_PORT="${JOBCAST_POSTGRES_PORT:-15432}"
POSTGRES_USER=jobcast
POSTGRES_PASSWORD=jobcast
POSTGRES_DB=jobcast

# initdb and pg_ctl are not on PATH after `apt-get install postgresql`: Debian keeps them per major version.
postgres::bin_dir() {
  local candidate
  for candidate in "$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || echo /nonexistent)")")" \
    $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [[ -x $candidate/initdb && -x $candidate/pg_ctl && -x $candidate/postgres ]]; then
      printf '%s' "$candidate"
      return 0
    fi
  done
  return 1
}

postgres::install() {
  postgres::bin_dir >/dev/null \
    || fail "PostgreSQL server binaries not found (initdb, pg_ctl); install them: apt-get install -y postgresql"
}

postgres::ports() { printf '%s\n' "$POSTGRES_PORT"; }

# PostgreSQL refuses to run as root; as root the cluster belongs to the `postgres` account the package created.
postgres::as_owner() {
  if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres::launch() {
  local dir bin log
  dir=$(service_dir postgres)
  bin=$(postgres::bin_dir)
  log=$(log_file postgres)
  mkdir -p "$dir/run"
  touch "$log"
  if ((EUID == 0)); then
    id postgres >/dev/null 2>&1 || fail "running as root, PostgreSQL needs the 'postgres' account (apt-get install -y postgresql)" || return 1
    chown postgres: "$dir" "$dir/run" "$log"
    postgres::as_owner test -w "$dir" \
      || fail "the 'postgres' account cannot write $dir; set JOBCAST_STACK_DIR to a folder it can reach" || return 1
  fi
  local fresh_cluster=false
  if [[ ! -f $dir/data/PG_VERSION ]]; then
    postgres::init_cluster "$bin" "$dir" || return 1
    fresh_cluster=true
  fi
  # A test server: durability settings off (a crash may lose the data; the tests do not care, and it is faster).
  postgres::as_owner "$bin/pg_ctl" -D "$dir/data" -l "$log" -w -t "$STACK_TIMEOUT" -o "-p $POSTGRES_PORT \
    -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir/run -c max_connections=200 \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >>"$log" 2>&1 9>&- \
    || { fail "PostgreSQL did not start; last lines of $log:"; tail -n 15 "$log" >&2; return 1; }
  head -n 1 "$dir/data/postmaster.pid" >"$dir/pid"
  save_settings postgres POSTGRES_PORT
  if [[ $fresh_cluster == true ]]; then
    postgres::as_owner "$bin/createdb" -h "$dir/run" -p "$POSTGRES_PORT" -U "$POSTGRES_USER" "$POSTGRES_DB" \
      || fail "could not create database $POSTGRES_DB" || return 1
  fi
}

postgres::init_cluster() {
  local bin=$1 dir=$2 password_file
  password_file=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" >"$password_file"
  ((EUID == 0)) && chown postgres: "$password_file"
  # Password auth over TCP, as in production; the local socket (used only by this script) trusts its owner.
  postgres::as_owner "$bin/initdb" -D "$dir/data" -U "$POSTGRES_USER" --pwfile="$password_file" -E UTF8 --locale=C \
    --auth-host=scram-sha-256 --auth-local=trust >>"$(log_file postgres)" 2>&1
  local status=$?
  rm -f "$password_file"
  ((status == 0)) || fail "initdb failed; see $(log_file postgres)"
}

postgres::healthy() {
  "$(postgres::bin_dir)/pg_isready" -q -h 127.0.0.1 -p "$POSTGRES_PORT" -d "$POSTGRES_DB" -U "$POSTGRES_USER"
}

postgres::describe() {
  printf 'PostgreSQL %s on 127.0.0.1:%s' "$("$(postgres::bin_dir)/postgres" --version | awk '{print $3}')" "$POSTGRES_PORT"
}

postgres::env() {
  printf 'DATABASE_URL=postgres://%s:%s@127.0.0.1:%s/%s' "$POSTGRES_USER" "$POSTGRES_PASSWORD" "$POSTGRES_PORT" "$POSTGRES_DB"
}

postgres::stop() {
  local dir
  dir=$(service_dir postgres)
  if running_pid postgres >/dev/null; then
    postgres::as_owner "$(postgres::bin_dir)/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >>"$(log_file postgres)" 2>&1 || true
  fi
  terminate postgres
}
