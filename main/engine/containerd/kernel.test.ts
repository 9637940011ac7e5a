// The kernel's rules, through the RuntimeService: exec and the PID 1 rule, spawn/wait, OOM, the pod's shared
// emptyDir and network, read-only volumes, the termination message, and a writable layer that outlives a command.

import { describe, expect, it } from 'vitest'
import { BUSY_SLICE_MS, MAX_STEPS_PER_INSTANT } from './kernel'
import { runtimeHarness, NODE } from './testing/harness'
import { spinSteps } from './testing/test-programs'

const harness = runtimeHarness()
const START = Date.UTC(2025, 0, 1)

describe('exec in a running container', () => {
  it('a binary the image lacks fails with containerd\'s exec error (exec: "kill": executable file not found in $PATH)', () => {
    const h = harness()
    const id = h.start()
    const r = h.tx(() => h.containerd.execSync(NODE, id, ['nosuch', '1'], 1000))
    expect(r).toHaveProperty('notFound')
    expect((r as { notFound: string }).notFound).toMatch(
      /^failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in \$PATH: unknown$/,
    )
  })

  it('kill -TERM 1 from inside: `sleep` as PID 1 has no handler and ignores it; a server that handles TERM exits', () => {
    const h = harness()
    const sleeper = h.start({ command: ['sleep', '3600'] })
    expect(h.tx(() => h.containerd.execSync(NODE, sleeper, ['kill', 'TERM', '1'], 1000))).toEqual({ exitCode: 0, stdout: 'ok\n', stderr: '' })
    expect(h.tx(() => h.containerd.status(NODE, sleeper)).state).toBe('running')
    const server = h.start({ podUid: 'uid-q', command: ['serve', '80'] })
    h.tx(() => h.containerd.execSync(NODE, server, ['kill', 'TERM', '1'], 1000))
    expect(h.tx(() => h.containerd.status(NODE, server))).toMatchObject({ state: 'exited', exitCode: 0 })
  })

  it('even SIGKILL from inside does not end PID 1; from outside (chaos) it does: 137', () => {
    const h = harness()
    const id = h.start()
    h.tx(() => h.containerd.execSync(NODE, id, ['kill', 'KILL', '1'], 1000))
    expect(h.tx(() => h.containerd.status(NODE, id)).state).toBe('running')
    expect(h.tx(() => h.containerd.signal(NODE, id, 'SIGKILL'))).toBe('ok')
    expect(h.tx(() => h.containerd.status(NODE, id))).toMatchObject({ state: 'exited', exitCode: 137, signal: 'SIGKILL' })
    expect(h.tx(() => h.containerd.signal(NODE, id, 'SIGKILL'))).toBe('not-running')
  })

  it('an exec that outlives its timeout is killed and reported timed out; one within it gives its status', () => {
    const h = harness()
    const id = h.start()
    expect(h.tx(() => h.containerd.execSync(NODE, id, ['sleep', '2'], 1000))).toEqual({ timedOut: true })
    // It ran in the container's virtual time: it ended half a second after the call's instant.
    const now = h.tx(() => h.world.now())
    expect(h.tx(() => h.containerd.execSync(NODE, id, ['sleep', '0.5'], 1000))).toEqual({ exitCode: 0, stdout: '', stderr: '', endedAt: now + 500 })
    expect(h.tx(() => h.containerd.execSync(NODE, id, ['fail', '7', 'no'], 1000))).toEqual({ exitCode: 7, stdout: '', stderr: 'no\n' })
  })

  it('a child runs at once and is reaped by its parent; ps sees the container\'s own PID namespace', () => {
    const h = harness()
    const id = h.start({ command: ['spawn', 'sleep', '10'] })
    const ps = h.tx(() => h.containerd.execSync(NODE, id, ['ps'], 1000))
    expect(ps).toEqual({ exitCode: 0, stderr: '', stdout: '1 0 S spawn sleep 10\n2 1 S sleep 10\n3 0 R ps\n' })
    h.advance(10_000)
    expect(h.tx(() => h.containerd.status(NODE, id))).toMatchObject({ state: 'exited', exitCode: 0, finishedAt: START + 10_000 })
  })
})

describe('memory', () => {
  it('over memoryLimitBytes the whole container is killed: OOMKilled, exit 137', () => {
    const h = harness()
    const ok = h.start({ command: ['hog', '1000'], memoryLimitBytes: 1000 })
    expect(h.tx(() => h.containerd.status(NODE, ok)).state).toBe('running')
    const over = h.start({ podUid: 'uid-q', command: ['hog', '1001'], memoryLimitBytes: 1000 })
    expect(h.tx(() => h.containerd.status(NODE, over))).toMatchObject({ state: 'exited', exitCode: 137, reason: 'OOMKilled', signal: 'SIGKILL' })
  })

  it("a child's memory counts against the container's limit", () => {
    const h = harness()
    const id = h.start({ command: ['spawn', 'hog', '5000'], memoryLimitBytes: 4096 })
    expect(h.tx(() => h.containerd.status(NODE, id))).toMatchObject({ state: 'exited', reason: 'OOMKilled', exitCode: 137 })
  })
})

describe('filesystems', () => {
  it("an emptyDir file one container writes, the pod's other container reads", () => {
    const h = harness()
    const volume = { kind: 'emptyDir' as const, name: 'shared' }
    const writer = h.start({ containerName: 'w', mounts: [{ containerPath: '/data', volume, readOnly: false }] })
    const reader = h.start({ containerName: 'r', mounts: [{ containerPath: '/cache', volume, readOnly: false }] })
    expect(h.tx(() => h.containerd.execSync(NODE, writer, ['write', '/data/hello', 'hi there'], 1000))).toMatchObject({ exitCode: 0 })
    expect(h.tx(() => h.containerd.execSync(NODE, reader, ['cat', '/cache/hello'], 1000))).toEqual({ exitCode: 0, stdout: 'hi there', stderr: '' })
  })

  it('a files volume (configMap) reads through ..data and refuses writes: EROFS', () => {
    const h = harness()
    const volume = { kind: 'files' as const, name: 'cfg', files: { 'app.conf': 'x=1\n' } }
    const id = h.start({ mounts: [{ containerPath: '/etc/app', volume, readOnly: true }] })
    expect(h.tx(() => h.containerd.execSync(NODE, id, ['cat', '/etc/app/app.conf'], 1000))).toEqual({ exitCode: 0, stdout: 'x=1\n', stderr: '' })
    expect(h.tx(() => h.containerd.execSync(NODE, id, ['write', '/etc/app/app.conf', 'y'], 1000))).toEqual({ exitCode: 1, stdout: '', stderr: 'EROFS\n' })
  })

  it('a file written in the container stays there for the next command; the image layer is untouched for the next container', () => {
    const h = harness()
    const id = h.start()
    h.tx(() => h.containerd.execSync(NODE, id, ['write', '/tmp/healthy', 'yes'], 1000))
    h.advance(1000)
    expect(h.tx(() => h.containerd.execSync(NODE, id, ['cat', '/tmp/healthy'], 1000))).toMatchObject({ exitCode: 0, stdout: 'yes' })
    const other = h.start({ podUid: 'uid-q' })
    expect(h.tx(() => h.containerd.execSync(NODE, other, ['cat', '/tmp/healthy'], 1000))).toMatchObject({ exitCode: 1, stderr: 'ENOENT\n' })
  })

  it('/etc/hosts, /etc/hostname and /etc/resolv.conf are the pod\'s', () => {
    const h = harness()
    const id = h.start()
    const read = (path: string) => (h.tx(() => h.containerd.execSync(NODE, id, ['cat', path], 1000)) as { stdout: string }).stdout
    expect(read('/etc/hostname')).toBe('p\n')
    expect(read('/etc/hosts')).toMatch(/^# Kubernetes-managed hosts file\.\n127\.0\.0\.1\tlocalhost\n[\s\S]*\n10\.244\.1\.5\tp\n$/)
    expect(read('/etc/resolv.conf')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n')
  })

  it('the termination message is the file the container wrote; with FallbackToLogsOnError an empty one is the log tail on failure', () => {
    const h = harness()
    const file = h.start({ command: ['fail', '2', 'disk full', '/dev/termination-log'] })
    expect(h.tx(() => h.containerd.status(NODE, file))).toMatchObject({ exitCode: 2, message: 'disk full' })
    const fallback = h.start({ podUid: 'uid-q', command: ['fail', '1', 'from the log'], terminationMessagePolicy: 'FallbackToLogsOnError' })
    expect(h.tx(() => h.containerd.status(NODE, fallback))).toMatchObject({ exitCode: 1, message: 'from the log\n' })
    const plain = h.start({ podUid: 'uid-r', command: ['fail', '1', 'only logged'] })
    expect(h.tx(() => h.containerd.status(NODE, plain))).not.toHaveProperty('message')
  })
})

describe("the pod's network", () => {
  it('the node reaches what listens in the pod by its IP; a port nobody listens on refuses', () => {
    const h = harness()
    const id = h.start({ command: ['serve', '8080'] })
    const get = (port: number, path: string) => h.tx(() => h.containerd.http(NODE, id, { port, path, scheme: 'HTTP', headers: {} }, 1000))
    expect(get(8080, '/')).toMatchObject({ status: 200, body: 'ok' })
    expect(get(8080, '/healthz')).toMatchObject({ status: 404 })
    expect(get(9090, '/')).toEqual({ error: 'ECONNREFUSED' })
    expect(h.tx(() => h.containerd.tcp(NODE, id, 8080, 1000))).toBe('ok')
    expect(h.tx(() => h.containerd.tcp(NODE, id, 81, 1000))).toBe('ECONNREFUSED')
    expect(h.containerd.logs.rows(id).map((r) => r.text)).toEqual(['listening on 8080\n', 'GET / 200\n', 'GET /healthz 404\n'])
  })

  it("a sidecar reaches the pod's server on localhost and by the pod's hostname; another pod's address refuses, others have no route", () => {
    const h = harness()
    h.start({ containerName: 'web', command: ['serve', '80'] })
    const side = h.start({ containerName: 'side' })
    const get = (host: string) => (h.tx(() => h.containerd.execSync(NODE, side, ['get', host, '80', '/'], 1000)) as { stdout: string }).stdout
    expect(get('localhost')).toBe('200 ok\n')
    expect(get('p')).toBe('200 ok\n')
    expect(get('10.244.1.5')).toBe('200 ok\n')
    expect(get('10.244.2.9')).toBe('ECONNREFUSED\n')
    expect(get('8.8.8.8')).toBe('EHOSTUNREACH\n')
  })
})

describe('a process that never blocks', () => {
  it('runs MAX_STEPS_PER_INSTANT steps per BUSY_SLICE_MS of virtual time, and the rest of the node goes on', () => {
    const h = harness()
    const busy = h.start({ command: ['spin'] })
    const sleeper = h.start({ podUid: 'uid-q', command: ['sleep', '2'] })
    spinSteps.count = 0
    h.advance(3_000)
    expect(spinSteps.count).toBeLessThanOrEqual((3_000 / BUSY_SLICE_MS + 1) * MAX_STEPS_PER_INSTANT)
    expect(spinSteps.count).toBeGreaterThan(0)
    expect(h.tx(() => h.containerd.status(NODE, busy)).state).toBe('running')
    expect(h.tx(() => h.containerd.status(NODE, sleeper))).toMatchObject({ state: 'exited', exitCode: 0, finishedAt: START + 2_000 })
  })

  it('a SIGKILL from outside still ends it (a busy process can be stopped)', () => {
    const h = harness()
    const busy = h.start({ command: ['spin'] })
    h.advance(500)
    expect(h.tx(() => h.containerd.signal(NODE, busy, 'SIGKILL'))).toBe('ok')
    expect(h.tx(() => h.containerd.status(NODE, busy))).toMatchObject({ state: 'exited', exitCode: 137 })
  })
})
