// The differential harness (issue 10 §5), the verbs that read: logs, top, api-resources, api-versions, explain,
// version, auth can-i, cluster-info, and errors of the command line, the real kubectl.1.32 against the REST door
// vs the built-in `podlab kubectl` on one engine at one virtual time.
//
// Left out, and why: `config ...` reads the client's own kubeconfig (the test's file vs Podlab's one context), not
// the server; `cluster-info` is answered by the built-in as on kind (its kube-dns Service at kind's
// https://127.0.0.1:6443) while the door serves no Services (Podlab does not simulate Services yet) and has its own
// address, so the two cannot print the same; `version` without --client prints the client's build (kubectl's git commit and build date, which
// Podlab's kubectl reports as the real 1.32.5's) and is compared by its server half only.

import { describe, expect, it } from 'vitest'
import { KUBECTL_1_32, runBuiltIn, runReal, type Outcome } from '../testing/differential'
import { describeCases } from '../testing/differential-cases'

const CASES: string[][] = [
  // logs
  ['logs', 'mynginx'],
  ['logs', 'mynginx', '--tail', '3'],
  ['logs', 'mynginx', '--timestamps', '--tail', '2'],
  ['logs', 'crasher'],
  ['logs', 'crasher', '--previous'],
  ['logs', 'crasher', '-p', '--timestamps'],
  ['logs', 'done'],
  ['logs', '-f', 'done'],
  ['logs', '-f', 'crasher', '--previous'],
  ['logs', 'done', '-c', 'app', '--limit-bytes', '5'],
  ['logs', 'pod/probed', '--since', '30s'],
  ['logs', 'deploy/web'],
  ['logs', 'job/pi'],
  // One pod a selector: with several, kubectl prints their logs in Go's map order (LogsForObject's map of
  // requests, ranged over by sequentialConsumeRequest), which differs from run to run.
  ['logs', '-l', 'run=mynginx', '--tail', '2'],
  ['logs', '-l', 'run=oom', '--prefix', '--all-containers'],
  ['logs', '-l', 'app=nothing'],
  ['logs', 'mynginx', '-c', 'nope'],
  ['logs', 'badimage'],
  ['logs', 'toobig'],
  ['logs', 'nope'],
  ['logs'],
  // top
  ['top', 'pods'],
  ['top', 'pod', 'mynginx', '--containers'],
  ['top', 'pods', '-A', '--sort-by', 'memory'],
  ['top', 'pods', '-l', 'app=web', '--no-headers', '--sum'],
  ['top', 'nodes'],
  ['top', 'node', 'podlab-worker', '--show-capacity'],
  ['top', 'nodes', '--sort-by', 'cpu', '--no-headers'],
  ['top', 'pod', 'toobig'],
  ['top', 'pods', '-n', 'team'],
  // discovery
  ['api-resources'],
  ['api-resources', '-o', 'wide'],
  ['api-resources', '-o', 'name'],
  ['api-resources', '--namespaced=false'],
  ['api-resources', '--api-group', 'apps'],
  ['api-resources', '--verbs', 'list,get', '--sort-by', 'name'],
  ['api-resources', '--categories', 'all'],
  ['api-resources', '--sort-by', 'kind', '--no-headers'],
  ['api-versions'],
  // explain (the served OpenAPI v3)
  ['explain', 'pods'],
  ['explain', 'pods.spec.containers.livenessProbe'],
  ['explain', 'pods.status.phase'],
  ['explain', 'deployment.spec.strategy', '--recursive'],
  ['explain', 'jobs', '--api-version', 'batch/v1'],
  ['explain', 'configmaps.data'],
  ['explain', 'pods.spec.nosuch'],
  ['explain', 'nosuchkind'],
  // version, auth, cluster-info
  ['version', '--client'],
  ['version', '--client', '-o', 'json'],
  ['auth', 'can-i', 'create', 'pods'],
  ['auth', 'can-i', 'delete', 'nodes', '--all-namespaces'],
  ['auth', 'can-i', '--list'],
  ['auth', 'can-i', 'get', 'pods', '--subresource', 'log'],
  // the command line
  ['nosuchverb'],
  ['get', 'pods', '--nosuchflag'],
  ['scale', 'deployment', 'web'],
  ['rollout'],
  ['rollout', 'status'],
  ['label'],
  ['delete'],
  ['cordon'],
  ['taint', 'nodes'],
  ['exec', 'mynginx'],
  // exec's errors kubectl finds before it asks for the stream (the API server's own, and the stream: exec.test.ts).
  ['exec', 'nope', '--', 'ls'],
  ['exec', 'done', '--', 'ls'],
]

const side = describeCases('reading verbs', CASES)

describe.skipIf(!KUBECTL_1_32)('kubectl version', () => {
  it("prints the door's /version as the server half", async () => {
    const serverHalf = (o: Outcome) => ({ ...o, stdout: o.stdout.split('\n').filter((l) => !l.startsWith('Client') && !l.startsWith('Kustomize')).join('\n') })
    expect(serverHalf(runBuiltIn(side(), ['version']))).toEqual(serverHalf(await runReal(side(), ['version'])))
  })
})
