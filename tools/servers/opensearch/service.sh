# OpenSearch 2.x, a real single node from the Maven Central jars, started by OpenSearchLauncher.java.
# Sourced by tools/stack; implements the service functions it calls (see tools/README.md).

OPENSEARCH_PORT="${JOBCAST_OPENSEARCH_PORT:-19201}"
OPENSEARCH_TRANSPORT_PORT="${JOBCAST_OPENSEARCH_TRANSPORT_PORT:-19301}"

opensearch::install() {
  install_maven_jars opensearch && compile_launcher opensearch "$SERVERS_DIR/opensearch/OpenSearchLauncher.java" >/dev/null
}

opensearch::ports() { printf '%s\n' "$OPENSEARCH_PORT" "$OPENSEARCH_TRANSPORT_PORT"; }

opensearch::launch() {
  search_node_launch opensearch OpenSearchLauncher "$OPENSEARCH_PORT" "$OPENSEARCH_TRANSPORT_PORT" \
    && save_settings opensearch OPENSEARCH_PORT OPENSEARCH_TRANSPORT_PORT
}

opensearch::healthy() { search_node_healthy "$OPENSEARCH_PORT"; }

opensearch::describe() {
  printf 'OpenSearch %s on http://127.0.0.1:%s' "$(search_node_version "$OPENSEARCH_PORT")" "$OPENSEARCH_PORT"
}

opensearch::env() { printf 'OPENSEARCH_URL=http://127.0.0.1:%s' "$OPENSEARCH_PORT"; }

opensearch::stop() { terminate opensearch; }
