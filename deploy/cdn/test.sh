#!/bin/sh
# Runs the CloudFront Function tests with Node's own test runner (Node 20+): no npm packages.
# Usable from anywhere: deploy/cdn/test.sh
set -eu
cd "$(dirname "$0")"
exec node --test .
