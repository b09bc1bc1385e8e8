#!/bin/sh
# Every KAFKA_X_Y variable becomes x.y in the broker's properties (as in the official image); the log directory is
# formatted on first start; then one KRaft broker-and-controller.
set -e
props=/opt/kafka/server.properties
: >"$props"
env | grep '^KAFKA_' | grep -v '^KAFKA_HEAP_OPTS=' | while IFS='=' read -r name value; do
  key=$(echo "${name#KAFKA_}" | tr '[:upper:]' '[:lower:]' | tr '_' '.')
  echo "$key=$value" >>"$props"
done
grep -q '^log.dirs=' "$props" || echo "log.dirs=/var/lib/kafka/data" >>"$props"
dir=$(sed -n 's/^log.dirs=//p' "$props")
if [ ! -f "$dir/meta.properties" ]; then
  java -cp '/opt/kafka/libs/*' kafka.tools.StorageTool format -t "${CLUSTER_ID:-5L6g3nShT-eMCtK--X86sw}" -c "$props" --standalone >/dev/null 2>&1 \
    || java -cp '/opt/kafka/libs/*' kafka.tools.StorageTool format -t "${CLUSTER_ID:-5L6g3nShT-eMCtK--X86sw}" -c "$props" >/dev/null
fi
exec java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} -Dlog4j2.configurationFile=/opt/kafka/log4j2.xml -cp '/opt/kafka/libs/*' \
  kafka.Kafka "$props"
