// The differential harness (issue 10 §5), its start: the real kubectl.1.32 against the REST door and the built-in
// `podlab kubectl` against the same cluster file at the same virtual time (a manual clock that does not move
// between the two runs) must print the same bytes on stdout and stderr and exit with the same code. Skipped, with
// the reason printed, where kubectl.1.32 is missing.

import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runKubectl } from '../kubectl/run-kubectl'
import { kubeconfigText } from './kubeconfig'
import { apiCluster, type ApiCluster } from './testing/api-cluster'

const run = promisify(execFile)

function realKubectl(): string | undefined {
  try {
    const onPath = execFileSync('bash', ['-c', 'readlink -f "$(command -v kubectl)"'], { encoding: 'utf8' }).trim()
    const binary = join(dirname(onPath), 'kubectl.1.32')
    return existsSync(binary) ? binary : undefined
  } catch {
    return undefined
  }
}

const binary = realKubectl()
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

interface Outcome {
  stdout: string
  stderr: string
  code: number
}

async function real(args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(binary as string, ['--cache-dir', join(work, 'cache'), ...args], { env: { ...process.env, KUBECONFIG: join(work, 'kubeconfig'), HOME: work } })
    return { stdout, stderr, code: 0 }
  } catch (e) {
    const failed = e as { stdout: string; stderr: string; code: number }
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code }
  }
}

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
