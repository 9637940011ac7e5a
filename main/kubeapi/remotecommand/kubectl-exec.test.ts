// The real kubectl (kubectl.1.27 ... kubectl.1.33 beside the kubectl on PATH) running exec and attach against
// the REST door on a real-time clock: SPDY/3.1 for 1.27 and 1.29 (and 1.32 with
// KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false), WebSocket v5.channel.k8s.io for 1.32 and 1.33. Skipped, with the
// reason printed, where a binary (or `script`, for -t) is missing.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRealtime } from '../../door/realtime'
import type { HostEngine } from '../../engine'
import { runKubectl } from '../../kubectl/run-kubectl'
import { kubeconfigText } from '../kubeconfig'
import { apiCluster, type ApiCluster } from '../testing/api-cluster'
import { hasScript, realKubectl, runReal, runRealWithInput } from '../testing/real-kubectl'

interface Client {
  version: string
  /** What the client speaks for exec, as the test expects it. */
  protocol: 'spdy' | 'websocket'
  env?: NodeJS.ProcessEnv
}

const CLIENTS: Client[] = [
  { version: '1.27', protocol: 'spdy' },
  { version: '1.29', protocol: 'spdy' },
  { version: '1.32', protocol: 'websocket' },
  { version: '1.32', protocol: 'spdy', env: { KUBECTL_REMOTE_COMMAND_WEBSOCKETS: 'false' } },
  { version: '1.33', protocol: 'websocket' },
]

let c: ApiCluster
let stopClock: () => void
let work: string

type PodLike = { status?: { phase?: string; containerStatuses?: Array<{ restartCount?: number; state?: { running?: unknown } }> } }
const podOf = (engine: HostEngine, name: string) => engine.get('pods', 'default', name) as unknown as PodLike

/** Waits (wall time, the clock running at 10x) until `test` holds; fails after `ms`. */
async function until(what: string, test: () => boolean, ms = 40_000): Promise<void> {
  const start = Date.now()
  while (!test()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

const running = (name: string) => () => podOf(c.engine, name).status?.containerStatuses?.every((s) => s.state?.running) === true

function nginxPod(name: string) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }
}

beforeAll(async () => {
  c = await apiCluster()
  c.engine.setSpeed(10)
  stopClock = startRealtime(c.engine)
  work = mkdtempSync(join(tmpdir(), 'podlab-kubectl-exec-'))
  writeFileSync(join(work, 'kubeconfig'), kubeconfigText(c.api.url))
})
afterAll(async () => {
  stopClock?.()
  await c?.close()
})

for (const client of CLIENTS) {
  const binary = realKubectl(client.version)
  const label = `kubectl.${client.version} (${client.protocol}${client.env ? ', KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false' : ''})`
  if (!binary) console.log(`skipping ${label} exec against the REST door: no kubectl.${client.version} beside the kubectl on PATH`)
  describe.skipIf(!binary)(`${label} exec and attach against the REST door`, () => {
    const suffix = `${client.version.replace('.', '-')}-${client.protocol}`
    const pod = `mynginx-${suffix}`
    const cache = `cache-${suffix}`
    const kubectl = (...args: string[]) => runRealWithInput(binary as string, work, cache, args, '', { extraEnv: client.env })

    beforeAll(async () => {
      c.engine.create(nginxPod(pod))
      await until(`${pod} Running`, running(pod))
    }, 60_000)

    it('exec -- ls / prints the container\'s root as the built-in kubectl does, exit 0', async () => {
      const r = await kubectl('exec', pod, '--', 'ls', '/')
      const builtIn = runKubectl(['exec', pod, '--', 'ls', '/'], { engine: c.engine, readFile: () => '', readStdin: () => '' })
      expect(r).toEqual({ stdout: builtIn.stdout, stderr: '', code: 0 })
      expect(r.stdout).toContain('bin\n')
    })

    it("exec -- sh -c 'echo out; echo err >&2; exit 3': stdout, stderr, then kubectl's `command terminated with exit code 3` and exit 3", async () => {
      const r = await kubectl('exec', pod, '--', 'sh', '-c', 'echo out; echo err >&2; exit 3')
      expect(r).toEqual({ stdout: 'out\n', stderr: 'err\ncommand terminated with exit code 3\n', code: 3 })
    })

    it('exec -i with piped stdin: cat echoes it and ends at its end', async () => {
      const r = await runRealWithInput(binary as string, work, cache, ['exec', '-i', pod, '--', 'cat'], 'hi\nthere\n', { extraEnv: client.env })
      expect(r).toEqual({ stdout: 'hi\nthere\n', stderr: '', code: 0 })
    })
  })
}
