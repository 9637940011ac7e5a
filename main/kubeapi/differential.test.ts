// The differential harness (issue 10 §5), its start: the real kubectl.1.32 against the REST door and the built-in
// `podlab kubectl` against the same cluster file at the same virtual time (a manual clock that does not move
// between the two runs) must print the same bytes on stdout and stderr and exit with the same code. Skipped, with
// the reason printed, where kubectl.1.32 is missing.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runKubectl } from '../kubectl/run-kubectl'
import { kubeconfigText } from './kubeconfig'
import { apiCluster, type ApiCluster } from './testing/api-cluster'
import { realKubectl, runReal, type Outcome } from './testing/real-kubectl'

const binary = realKubectl('1.32')
if (!binary) console.log('skipping the differential harness: no kubectl.1.32 beside the kubectl on PATH')

const POD = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'mynginx', labels: { run: 'mynginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }
const DEPLOYMENT = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
}

let c: ApiCluster
let work: string
beforeAll(async () => {
  c = await apiCluster()
  c.engine.create(POD)
  c.engine.create(DEPLOYMENT)
  c.engine.advance(30_000)
  work = mkdtempSync(join(tmpdir(), 'podlab-differential-'))
  writeFileSync(join(work, 'kubeconfig'), kubeconfigText(c.api.url))
})
afterAll(async () => {
  await c?.close()
})

const real = (args: string[]): Promise<Outcome> => runReal(binary as string, work, 'cache', args)

function builtIn(args: string[]): Outcome {
  const result = runKubectl(args, { engine: c.engine, readFile: () => '', readStdin: () => '' })
  return { stdout: result.stdout, stderr: result.stderr, code: result.exitCode }
}

const GET = [
  ['get', 'pods'],
  ['get', 'pods', '-o', 'wide'],
  ['get', 'pods', '-o', 'yaml'],
  ['get', 'pods', '-o', 'json'],
  ['get', 'pods', '-o', 'name'],
  ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'],
  ['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,NODE:.spec.nodeName'],
  ['get', 'pods', '-A'],
  ['get', 'pods', '--show-labels'],
  ['get', 'pods', '-l', 'app=web'],
  ['get', 'pod', 'nope'],
  ['get', 'nodes'],
  ['get', 'nodes', '-o', 'wide'],
  ['get', 'deployments'],
  ['get', 'replicasets', '-o', 'wide'],
  ['get', 'all'],
  ['get', 'namespaces'],
  ['get', 'events', '--field-selector', 'involvedObject.name=mynginx'],
]

/**
 * describe ages events and pods with the client's own wall clock (kubectl's translateTimestampSince), which for a
 * real kubectl is not the cluster's virtual clock: its ages read `699d` where podlab kubectl's read `30s`. Those
 * cells, and the padding tabwriter gives them, are the one difference allowed; every other byte must match.
 */
function withoutClientAges(text: string): string {
  return text.replace(/\b\d+[smhdy](\d+[smh])?\b/g, 'AGE').replace(/ {2,}/g, ' ')
}

describe.skipIf(!binary)('the real kubectl.1.32 and podlab kubectl print the same bytes', () => {
  it.each(GET.map((args) => ({ name: args.join(' '), args })))('kubectl $name', async ({ args }) => {
    expect(builtIn(args)).toEqual(await real(args))
  })

  it.each([['describe', 'deployment', 'web'], ['describe', 'node', 'podlab-worker'], ['describe', 'pod', 'mynginx']].map((args) => ({ name: args.join(' '), args })))(
    'kubectl $name (but the ages kubectl computes from its own clock)',
    async ({ args }) => {
      const ours = builtIn(args)
      const theirs = await real(args)
      expect({ ...ours, stdout: withoutClientAges(ours.stdout) }).toEqual({ ...theirs, stdout: withoutClientAges(theirs.stdout) })
    },
  )
})
