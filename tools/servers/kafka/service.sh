# Apache Kafka, single-node KRaft (broker + controller in one JVM), from the kafka_2.13 jars on Maven Central.
# Sourced by tools/stack; implements the service functions it calls (see tools/README.md).

KAFKA_PORT="${JOBCAST_KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${JOBCAST_KAFKA_CONTROLLER_PORT:-19093}"

kafka::install() { install_maven_jars kafka; }

kafka::ports() { printf '%s\n' "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; }

kafka::launch() {
  local dir lib
  dir=$(service_dir kafka)
  lib="$(cache_dir kafka)/lib"
  mkdir -p "$dir/data"
  render_template "$SERVERS_DIR/kafka/server.properties.template" "$dir/server.properties" \
    KAFKA_PORT="$KAFKA_PORT" KAFKA_CONTROLLER_PORT="$KAFKA_CONTROLLER_PORT" DATA_DIR="$dir/data" || return 1
  local log4j="-Dlog4j.configuration=file:$SERVERS_DIR/kafka/log4j.properties"
  # KRaft storage must be formatted with a cluster id once, before the first start.
  if [[ ! -f $dir/data/meta.properties ]]; then
    java "$log4j" -cp "$lib/*" kafka.tools.StorageTool format -t "$(kafka::new_cluster_id)" \
      -c "$dir/server.properties" >>"$(log_file kafka)" 2>&1 \
      || fail "could not format the Kafka storage in $dir/data; see $(log_file kafka)" || return 1
  fi
  save_settings kafka KAFKA_PORT KAFKA_CONTROLLER_PORT
  local options
  mapfile -t options < <(jvm_options)
  launch_detached kafka java "${options[@]}" "$log4j" -cp "$lib/*" kafka.Kafka "$dir/server.properties"
}

# A Kafka cluster id is 16 random bytes in URL-safe base64 without padding (what StorageTool random-uuid prints),
# made here without starting a second JVM.
kafka::new_cluster_id() {
  head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'
}

kafka::healthy() {
  node "$SERVERS_DIR/kafka/probe-api-versions.js" 127.0.0.1 "$KAFKA_PORT" >/dev/null 2>&1
}

kafka::describe() { printf 'Kafka %s (KRaft) on 127.0.0.1:%s' "$(pom_version kafka)" "$KAFKA_PORT"; }

kafka::env() { printf 'KAFKA_BROKERS=127.0.0.1:%s' "$KAFKA_PORT"; }

kafka::stop() { terminate kafka; }
