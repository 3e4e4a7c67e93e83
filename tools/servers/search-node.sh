# What Elasticsearch 7.17 and OpenSearch 2.x share: both are one Node started by a launcher class from
# tools/servers/<service>/, configured by a rendered <service>.yml and probed over HTTP.

search_node_launch() {
  local service=$1 launcher=$2 http_port=$3 transport_port=$4 dir classes
  dir=$(service_dir "$service")
  classes=$(compile_launcher "$service" "$SERVERS_DIR/$service/$launcher.java") || return 1
  mkdir -p "$dir/home/config" "$dir/data" "$dir/logs"
  render_template "$SERVERS_DIR/$service/$service.yml.template" "$dir/$service.yml" \
    HOME_DIR="$dir/home" DATA_DIR="$dir/data" LOGS_DIR="$dir/logs" \
    HTTP_PORT="$http_port" TRANSPORT_PORT="$transport_port" || return 1
  local options
  mapfile -t options < <(jvm_options)
  # Flags from the distributions' own jvm.options that matter outside them: log4j owned by the node's shutdown,
  # Netty without Unsafe tricks, and the JDK 8 locale data Elasticsearch 7 date formats were written against.
  launch_detached "$service" java "${options[@]}" \
    -Dlog4j.configurationFile="$SERVERS_DIR/$service/log4j2.properties" -Dlog4j.shutdownHookEnabled=false \
    -Dlog4j2.disable.jmx=true -Dlog4j2.formatMsgNoLookups=true \
    -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0 \
    -Djava.locale.providers=SPI,COMPAT \
    -cp "$(cache_dir "$service")/lib/*:$classes" "dev.jobcast.servers.$launcher" "$dir/$service.yml"
}

# Healthy = the cluster reports yellow or green (a single node never has replicas, so yellow is its best).
search_node_healthy() {
  curl -fsS --max-time 5 "http://127.0.0.1:$1/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null \
    | grep -qE '"status":"(green|yellow)"'
}

# The version number from the root endpoint: what the running server says it is, not what the pom asked for.
search_node_version() {
  curl -fsS --max-time 5 "http://127.0.0.1:$1/" 2>/dev/null | tr -d ' \n' | sed -n 's/.*"number":"\([^"]*\)".*/\1/p'
}
