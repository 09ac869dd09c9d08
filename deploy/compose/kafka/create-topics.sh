#!/bin/bash
# Creates the platform's topics with their partition counts; safe to run again. Records are keyed
# by referral, consultation or hospital id, so one case stays in order on one partition, and a
# consumer group can use at most as many replicas as the topic has partitions.
set -euo pipefail

bootstrap="${BOOTSTRAP_SERVERS:-kafka:9092}"
replicas="${REPLICATION_FACTOR:-1}"

create() {
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor "$replicas" "${@:3}"
}

create referral-up 6 --config retention.ms=-1
create referral-down 6 --config retention.ms=-1
create consultation 6 --config retention.ms=-1
create hospital-registry 3 --config cleanup.policy=compact --config min.compaction.lag.ms=0

/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --describe \
  --topic 'referral-up|referral-down|consultation|hospital-registry' | grep PartitionCount
