// `kubectl delete` beyond the goldens (run-kubectl.test.ts compares every delete-* case with the real kubectl
// 1.32): the wait on the real engine, which the golden recordings cannot show (their fake API server serves no
// watch, so they use --wait=false), and the flags Podlab refuses for now.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ClockMode } from '../../../kube'
import type { Pod } from '../../../engine/api/pods/types'
import type { Engine } from '../../../engine/engine'
import { openCluster } from '../../../engine/open-cluster'
import { fakeEngine } from '../../testing/fake-engine'
import { runKubectl } from '../../run-kubectl'
import type { KubectlIO } from '../../io'

const POD = readFileSync(join(__dirname, '../../../../testdata/seed/pod-mynginx.yaml'), 'utf8').replace('metadate:', 'metadata:')

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

/** A new cluster file with the seed's nginx pod applied and Running (30 virtual seconds later). */
function clusterWithNginx(mode: ClockMode): { engine: Engine; kubectl: (...args: string[]) => ReturnType<typeof runKubectl> } {
  const engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-delete-')), 'c.podlab'), { mode })
  opened.push(engine)
  const io: KubectlIO = { engine, readFile: () => POD, readStdin: () => '' }
  const kubectl = (...args: string[]) => runKubectl(args, io)
  expect(kubectl('apply', '-f', 'pod.yaml')).toEqual({ stdout: 'pod/mynginx created\n', stderr: '', exitCode: 0 })
  engine.advance(30_000)
  expect((engine.get('pods', 'default', 'mynginx') as Pod).status?.phase).toBe('Running')
  return { engine, kubectl }
}

const notFound = { stdout: '', stderr: 'Error from server (NotFound): pods "mynginx" not found\n', exitCode: 1 }

describe('kubectl delete on the real engine', () => {
  it('manual clock (the CLI): waits as kubectl does, by running the clock until the pod is gone', () => {
    const { engine, kubectl } = clusterWithNginx('manual')
    const before = engine.clock().nowMs
    expect(kubectl('delete', 'pod', 'mynginx')).toEqual({ stdout: 'pod "mynginx" deleted\n', stderr: '', exitCode: 0 })
    expect(kubectl('get', 'pod', 'mynginx')).toEqual(notFound)
    const waited = engine.clock().nowMs - before
    // nginx stops on its stop signal well within the default 30 s grace; the clock moved in whole seconds.
    expect(waited).toBeGreaterThan(0)
    expect(waited).toBeLessThanOrEqual(30_000)
    expect(waited % 1000).toBe(0)
  })

  it('--wait=false: the DELETE returns with the pod still Terminating, and the clock has not moved', () => {
    const { engine, kubectl } = clusterWithNginx('manual')
    const before = engine.clock().nowMs
    expect(kubectl('delete', 'pod', 'mynginx', '--wait=false')).toEqual({ stdout: 'pod "mynginx" deleted\n', stderr: '', exitCode: 0 })
    expect(engine.clock().nowMs).toBe(before)
    const pod = engine.get('pods', 'default', 'mynginx')
    expect(pod.metadata.deletionTimestamp).toBeDefined()
    expect(pod.metadata.deletionGracePeriodSeconds).toBe(30)
    expect(kubectl('get', 'pods').stdout).toMatch(/^mynginx\s+\S+\s+Terminating\s/m)
  })

  it('--now asks for a grace period of 1 s; --force deletes at once without moving the clock', () => {
    const now = clusterWithNginx('manual')
    expect(now.kubectl('delete', 'pod', 'mynginx', '--now', '--wait=false').stdout).toBe('pod "mynginx" deleted\n')
    expect(now.engine.get('pods', 'default', 'mynginx').metadata.deletionGracePeriodSeconds).toBe(1)

    const forced = clusterWithNginx('manual')
    const before = forced.engine.clock().nowMs
    const warning =
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'
    // Issue 9's user case: the warning comes first (kubectl writes it to stderr before the result line).
    expect(forced.kubectl('delete', 'pod', 'mynginx', '--force')).toEqual({
      stdout: 'pod "mynginx" force deleted\n',
      stderr: warning,
      exitCode: 0,
      interleaved: [
        { stream: 'stderr', text: warning },
        { stream: 'stdout', text: 'pod "mynginx" force deleted\n' },
      ],
    })
    expect(forced.engine.clock().nowMs).toBe(before)
    expect(forced.kubectl('get', 'pod', 'mynginx')).toEqual(notFound)
  })

  it('real-time clock (the app): returns at once, the clock running by itself does the rest', () => {
    const { engine, kubectl } = clusterWithNginx('realtime')
    const before = engine.clock().nowMs
    expect(kubectl('delete', 'pod', 'mynginx')).toEqual({ stdout: 'pod "mynginx" deleted\n', stderr: '', exitCode: 0 })
    expect(engine.clock().nowMs).toBe(before)
    expect(engine.get('pods', 'default', 'mynginx').metadata.deletionTimestamp).toBeDefined()
  })

  it('a pod that outlives grace + 30 s ends the wait there (kubectl would wait on, up to --timeout)', () => {
    const engine = fakeEngine({ objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stuck', namespace: 'default', uid: 'u' } }] })
    const result = runKubectl(['delete', 'pod', 'stuck', '--grace-period=5'], { engine, readFile: () => '', readStdin: () => '' })
    expect(result).toEqual({ stdout: 'pod "stuck" deleted\n', stderr: '', exitCode: 0 })
    expect(engine.advancedMs).toBe(35_000)
  })
})

describe('kubectl delete with a huge --grace-period (issue 5: "Invalid time value", and a wait of 2^63 s)', () => {
  it('--grace-period=9223372036854775807 on a stuck pod: the wait stops at kubectl\'s default --timeout, a week, in at most 3600 looks', () => {
    const engine = fakeEngine({ objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stuck', namespace: 'default', uid: 'u' } }] })
    const result = runKubectl(['delete', 'pod', 'stuck', '--grace-period=9223372036854775807'], { engine, readFile: () => '', readStdin: () => '' })
    expect(result).toEqual({ stdout: 'pod "stuck" deleted\n', stderr: '', exitCode: 0 })
    expect(engine.advancedMs).toBe(7 * 24 * 3600_000)
    expect(engine.advances).toBeLessThanOrEqual(3600)
  })

  it('on the real engine, a sleeper whose grace is int64 max is deleted, waited for a week, and the clock still advances', () => {
    const engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-delete-')), 'c.podlab'), { mode: 'manual' })
    opened.push(engine)
    engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 's' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', 'infinity'] }] } })
    engine.advance(30_000)
    const io: KubectlIO = { engine, readFile: () => '', readStdin: () => '' }
    expect(runKubectl(['delete', 'pod', 's', '--grace-period=9223372036854775807'], io)).toEqual({ stdout: 'pod "s" deleted\n', stderr: '', exitCode: 0 })
    expect(engine.get('pods', 'default', 's').metadata.deletionTimestamp).toBe('2317-04-12T23:47:46Z')
    expect(() => engine.advance(60_000)).not.toThrow()
  })
})

describe('kubectl delete --cascade (sent as propagationPolicy with every DELETE)', () => {
  it.each([
    [[], false],
    [['--cascade=foreground'], false],
    [['--cascade=orphan'], true],
    [['--cascade=false'], true],
  ])('%j: a dependent of the deleted pod is deleted too, or kept (orphaned) without its owner reference: %s', (flags, kept) => {
    const { engine, kubectl } = clusterWithNginx('manual')
    const owner = engine.get('pods', 'default', 'mynginx')
    const ref = { apiVersion: 'v1', kind: 'Pod', name: 'mynginx', uid: owner.metadata.uid ?? '', blockOwnerDeletion: true }
    engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'dep', ownerReferences: [ref] }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })
    expect(kubectl('delete', 'pod', 'mynginx', '--wait=false', ...flags).exitCode).toBe(0)
    engine.advance(60_000)
    const dep = engine.list('pods', 'default').items.find((p) => p.metadata.name === 'dep')
    if (kept) expect(dep?.metadata.ownerReferences).toBeUndefined()
    else expect(dep).toBeUndefined()
  })
})

describe('kubectl delete flags Podlab does not support yet', () => {
  const run = (...args: string[]) =>
    runKubectl(args, { engine: fakeEngine({}), readFile: () => '', readStdin: () => '' })

  it.each([
    [['delete', 'pods', '--field-selector', 'metadata.name=x'], '--field-selector'],
    [['delete', 'pod', 'x', '--timeout=10s'], '--timeout'],
    [['delete', '-k', 'dir'], '-k/--kustomize'],
  ])('%j', (args, flag) => {
    expect(run(...args)).toEqual({ stdout: '', stderr: `error: ${flag} is not supported by Podlab yet\n`, exitCode: 1 })
  })

  it('--dry-run=none is the default and runs the delete', () => {
    expect(run('delete', 'pod', 'x', '--dry-run=none')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "x" not found\n', exitCode: 1 })
  })
})
