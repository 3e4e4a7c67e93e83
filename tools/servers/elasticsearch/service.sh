# Elasticsearch 7.17, a real single node from the Maven Central jars, started by ElasticsearchLauncher.java.
# Sourced by tools/stack; implements the service functions it calls (see tools/README.md).

ELASTICSEARCH_PORT="${JOBCAST_ELASTICSEARCH_PORT:-19200}"
ELASTICSEARCH_TRANSPORT_PORT="${JOBCAST_ELASTICSEARCH_TRANSPORT_PORT:-19300}"

elasticsearch::install() {
  install_maven_jars elasticsearch && compile_launcher elasticsearch "$SERVERS_DIR/elasticsearch/ElasticsearchLauncher.java" >/dev/null
}

elasticsearch::ports() { printf '%s\n' "$ELASTICSEARCH_PORT" "$ELASTICSEARCH_TRANSPORT_PORT"; }

elasticsearch::launch() {
  search_node_launch elasticsearch ElasticsearchLauncher "$ELASTICSEARCH_PORT" "$ELASTICSEARCH_TRANSPORT_PORT" \
    && save_settings elasticsearch ELASTICSEARCH_PORT ELASTICSEARCH_TRANSPORT_PORT
}

elasticsearch::healthy() { search_node_healthy "$ELASTICSEARCH_PORT"; }

elasticsearch::describe() {
  printf 'Elasticsearch %s on http://127.0.0.1:%s' "$(search_node_version "$ELASTICSEARCH_PORT")" "$ELASTICSEARCH_PORT"
}

elasticsearch::env() { printf 'ELASTICSEARCH_URL=http://127.0.0.1:%s' "$ELASTICSEARCH_PORT"; }

elasticsearch::stop() { terminate elasticsearch; }
