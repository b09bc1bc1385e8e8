#!/usr/bin/env bash
# Runs the JMH benchmarks (all, or those matching $1), e.g. benchmarks/run.sh PresenceSet
exec "$(dirname "$0")/../wallet" bench "$@"
