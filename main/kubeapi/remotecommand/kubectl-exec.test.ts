// The real kubectl (kubectl.1.27 ... kubectl.1.33 beside the kubectl on PATH) running exec and attach against
// the REST door on a real-time clock: SPDY/3.1 for 1.27 and 1.29 (and 1.32 with
// KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false), WebSocket v5.channel.k8s.io for 1.32 and 1.33. Skipped, with the
// reason printed, where a binary (or `script`, for -t) is missing.

import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRealtime } from '../../door/realtime'
import type { HostEngine } from '../../engine'
import { runKubectl } from '../../kubectl/run-kubectl'
import { kubeconfigText } from '../kubeconfig'
import { apiCluster, type ApiCluster } from '../testing/api-cluster'
import { hasScript, kubectlEnv, realKubectl, runRealWithInput } from '../testing/real-kubectl'

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

if (!hasScript()) console.log('skipping exec -it against the REST door: no `script` (util-linux) to give kubectl a terminal')

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
      // The first call of a fresh cache dir runs discovery: keep it (and what it may log under load) out of exec's.
      await kubectl('get', 'pod', pod)
    }, 90_000)

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

    it.skipIf(!hasScript())('exec -it under a terminal (script -qec): the shell runs the typed lines, `exit 7` is kubectl\'s exit 7', async () => {
      const r = await runRealWithInput(binary as string, work, cache, ['exec', '-it', pod, '--', 'sh'], 'echo hello-$((6*7))\nexit 7\n', {
        extraEnv: client.env,
        viaScript: true,
      })
      expect(r.stdout).toContain('hello-42')
      expect(r.stdout).toContain('command terminated with exit code 7')
      expect(r.code).toBe(7)
    })

    it('a pod that does not exist: the API server\'s NotFound before any upgrade', async () => {
      expect(await kubectl('exec', 'nope', '--', 'ls')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 })
    })

    it('-c naming no container of the pod: streamLocation\'s BadRequest', async () => {
      expect(await kubectl('exec', pod, '-c', 'nope', '--', 'ls')).toEqual({
        stdout: '',
        stderr: `Error from server (BadRequest): container nope is not valid for pod ${pod}\n`,
        code: 1,
      })
    })

    it('a container that is not running: the kubelet\'s `container not found`, through the translator over WebSocket', async () => {
      const waiting = `waiting-${suffix}`
      c.engine.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: waiting },
        spec: { initContainers: [{ name: 'init', image: 'busybox', command: ['sleep', '3600'] }], containers: [{ name: 'main', image: 'nginx' }] },
      })
      await until(`${waiting} scheduled`, () => (c.engine.get('pods', 'default', waiting) as { spec?: { nodeName?: string } }).spec?.nodeName !== undefined)
      const r = await kubectl('exec', waiting, '-c', 'main', '--', 'ls')
      const text = 'unable to upgrade connection: container not found ("main")'
      expect(r).toEqual({ stdout: '', stderr: `error: ${client.protocol === 'websocket' ? `Internal error occurred: ${text}` : text}\n`, code: 1 })
    })

    it('attach -i to a busybox shell that reads its stdin (stdinOnce): the output of what was piped, then the container ends', async () => {
      const shell = `shell-${suffix}`
      c.engine.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: shell },
        spec: { restartPolicy: 'Never', containers: [{ name: 'shell', image: 'busybox', command: ['sh'], stdin: true, stdinOnce: true }] },
      })
      await until(`${shell} Running`, running(shell))
      const r = await runRealWithInput(binary as string, work, cache, ['attach', '-i', shell], 'echo from-attach-$((1+1))\n', { extraEnv: client.env })
      // kubectl's own hint (attach.go: stdin without a TTY still prints it).
      expect(r).toEqual({ stdout: 'from-attach-2\n', stderr: "If you don't see a command prompt, try pressing enter.\n", code: 0 })
      await until(`${shell} Succeeded`, () => podOf(c.engine, shell).status?.phase === 'Succeeded')
    })

    it("run -i --rm --restart=Never: kubectl creates the pod, attaches to its stdin, prints its answer and deletes it", async () => {
      const name = `run-${suffix}`
      const r = await runRealWithInput(
        binary as string,
        work,
        cache,
        ['run', name, '-i', '--rm', '--restart=Never', '--image=busybox', '--', 'sh', '-c', 'read x; echo got $x'],
        'hello\n',
        { extraEnv: client.env, timeoutMs: 90_000 },
      )
      expect(r.stdout).toContain('got hello\n')
      expect(r.stdout).toContain(`pod "${name}" deleted`)
      expect(r.code).toBe(0)
    }, 100_000)

    it('kubectl killed mid-exec (stdin still open): the server stays up and the next exec runs', async () => {
      const { env, flags } = kubectlEnv(work, cache)
      const child = spawn(binary as string, [...flags, 'exec', '-i', pod, '--', 'cat'], { env: { ...env, ...client.env } })
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
      child.stdin.write('first\n')
      await until('the first line echoed', () => out === 'first\n', 20_000)
      const gone = new Promise((done) => child.on('close', done))
      child.kill('SIGKILL')
      await gone
      expect(await kubectl('exec', pod, '--', 'echo', 'still-up')).toEqual({ stdout: 'still-up\n', stderr: '', code: 0 })
    })

    it("exec -- sh -c 'kill 1' (the seed flow): exit 0, nginx gets SIGTERM and the kubelet restarts it", async () => {
      expect(await kubectl('exec', pod, '--', 'sh', '-c', 'kill 1')).toEqual({ stdout: '', stderr: '', code: 0 })
      await until(`${pod} restarted`, () => podOf(c.engine, pod).status?.containerStatuses?.[0]?.restartCount === 1)
    })
  })
}
