#!/bin/sh
# Makes objects.json, the state the describe goldens are recorded from, with the Podlab engine itself: the
# scenario's manifests applied to a new cluster (seed 7), 150 virtual seconds run (slowstop deleted at 140 s), then every object the
# describers read dumped as `podlab kubectl get -o json` prints it. The case's "now" is the cluster's clock.
#   npm run build && sh main/kubectl/cmd/describe/testdata/make-objects.sh && node scripts/golden/run.mjs describe-
set -e
cd "$(dirname "$0")"
ROOT=../../../../..
DB=$(mktemp -d)/describe.podlab
P="$ROOT/bin/podlab --db $DB --seed 7"
$P kubectl apply -f manifests/scenario.yaml >/dev/null
$P advance 140s >/dev/null
# slowstop's sleep ignores TERM: it is still Terminating 10 s after its delete.
$P kubectl delete pod slowstop --wait=false >/dev/null
$P advance 10s >/dev/null
node -e '
const { execFileSync } = require("node:child_process")
const [podlab, db] = process.argv.slice(1)
const get = (...args) => JSON.parse(execFileSync(podlab, ["--db", db, "kubectl", "get", ...args, "-o", "json"], { encoding: "utf8" })).items
const objects = [
  ...get("pods", "-A"), ...get("events", "-A"), ...get("nodes"), ...get("namespaces"), ...get("deployments"), ...get("replicasets"),
  ...get("jobs"), ...get("configmaps"), ...get("secrets"),
]
process.stdout.write(JSON.stringify(objects, null, 1) + "\n")
' "$ROOT/bin/podlab" "$DB" > objects.json
$ROOT/bin/podlab --db "$DB" kubectl get pods -A >&2
rm -rf "$(dirname "$DB")"
