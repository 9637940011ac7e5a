// The real kubectl 1.32 and 1.33 send their `create <kind>` bodies as protobuf (kubectl-wire.md §0.5; before this
// door decoded them they failed with 415). Each command runs against its own cluster and kubectl 1.31, which
// sends the same objects as JSON, against a twin of the same seed: same output, same stored objects. Skipped,
// with the reason printed, where a binary is missing.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kubeconfigText } from './kubeconfig'
import { apiCluster, type ApiCluster } from './testing/api-cluster'
import { realKubectl, runReal, type Outcome } from './testing/real-kubectl'

/** [args, resource, group, namespace, name] of each command and the object it makes. */
const COMMANDS: Array<[string[], string, string, string | undefined, string]> = [
  [['create', 'namespace', 'team-a'], 'namespaces', '', undefined, 'team-a'],
  [['create', 'deployment', 'web', '--image=nginx'], 'deployments', 'apps', 'default', 'web'],
  [['create', 'deployment', 'idle', '--image=nginx', '--replicas=0', '--port=80'], 'deployments', 'apps', 'default', 'idle'],
  [['create', 'job', 'once', '--image=busybox', '--', 'echo', 'hi'], 'jobs', 'batch', 'default', 'once'],
  [['create', 'configmap', 'settings', '--from-literal=a=b', '--from-literal=empty='], 'configmaps', '', 'default', 'settings'],
  [['create', 'secret', 'generic', 'token', '--from-literal=a=b'], 'secrets', '', 'default', 'token'],
]

const JSON_VERSION = '1.31'
const jsonBinary = realKubectl(JSON_VERSION)

interface Run {
  cluster: ApiCluster
  outcomes: Outcome[]
}

/** A fresh cluster (seed 1, manual clock) and each command's outcome with `binary`, in order. */
async function runAll(binary: string, version: string): Promise<Run> {
  const cluster = await apiCluster()
  const work = mkdtempSync(join(tmpdir(), `podlab-kubectl-pb-${version}-`))
  writeFileSync(join(work, 'kubeconfig'), kubeconfigText(cluster.api.url))
  const outcomes: Outcome[] = []
  for (const [args] of COMMANDS) outcomes.push(await runReal(binary, work, 'cache', args))
  return { cluster, outcomes }
}

let viaJson: Run | undefined
beforeAll(async () => {
  if (jsonBinary) viaJson = await runAll(jsonBinary, JSON_VERSION)
}, 120_000)
afterAll(async () => {
  await viaJson?.cluster.close()
})

if (!jsonBinary) console.log(`skipping the protobuf create tests against the REST door: no kubectl.${JSON_VERSION} (the JSON twin) beside the kubectl on PATH`)

for (const version of ['1.32', '1.33']) {
  const binary = realKubectl(version)
  if (!binary) console.log(`skipping kubectl.${version}'s protobuf creates against the REST door: no kubectl.${version} beside the kubectl on PATH`)
  describe.skipIf(!binary || !jsonBinary)(`kubectl.${version}'s protobuf creates against the REST door`, () => {
    let viaProtobuf: Run
    beforeAll(async () => {
      viaProtobuf = await runAll(binary as string, version)
    }, 120_000)
    afterAll(async () => {
      await viaProtobuf?.cluster.close()
    })

    COMMANDS.forEach(([args, resource, group, namespace, name], i) => {
      it(`kubectl ${args.join(' ')}: prints what kubectl ${JSON_VERSION} prints and stores the same object`, () => {
        const json = viaJson as Run
        expect(viaProtobuf.outcomes[i]).toEqual(json.outcomes[i])
        expect((viaProtobuf.outcomes[i] as Outcome).code).toBe(0)
        expect(viaProtobuf.cluster.engine.get(resource, namespace, name, group)).toEqual(json.cluster.engine.get(resource, namespace, name, group))
      })
    })
  })
}
