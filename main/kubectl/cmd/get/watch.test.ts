// `kubectl get -w` on a real cluster (get.go v0.32.5 watch()): the current table, then one row per change as the
// clock runs, aligned by the tabwriter's remembered widths; headers only when the columns change (so none after
// an empty start, as the real kubectl prints it); -w takes one resource type.

import { afterEach, describe, expect, it } from 'vitest'
import type { HostEngine } from '../../../engine'
import { openCluster } from '../../../engine'
import { MYNGINX, tmpFile } from '../../../engine/testing/cluster'
import { runKubectl } from '../../run-kubectl'

const opened: HostEngine[] = []
afterEach(() => {
  for (const e of opened.splice(0)) e.close()
})

function cluster(): HostEngine {
  const engine = openCluster(tmpFile(), { mode: 'manual', seed: '7' })
  opened.push(engine)
  return engine
}

function kubectl(engine: HostEngine, args: string[]) {
  return runKubectl(args, { engine, readFile: () => '', readStdin: () => '' })
}

/** Starts the follow of `args`, runs the clock `seconds` forward in 1 s steps, stops; returns all stdout. */
function watchFor(engine: HostEngine, args: string[], seconds: number): { first: string; later: string } {
  const r = kubectl(engine, args)
  expect(r.stderr).toBe('')
  expect(r.follow).toBeDefined()
  let later = ''
  const stop = r.follow!.start(
    (stream, text) => (later += stream === 'stdout' ? text : `ERR ${text}`),
    () => {},
  )
  for (let i = 0; i < seconds; i++) engine.advance(1000)
  stop()
  return { first: r.stdout, later }
}

describe('kubectl get -w', () => {
  it('an empty start prints nothing, then each change of the new pod as a row without a header', () => {
    const engine = cluster()
    const r = kubectl(engine, ['get', 'pods', '-w'])
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('')
    let out = ''
    const stop = r.follow!.start((_s, t) => (out += t), () => {})
    engine.create(MYNGINX)
    for (let i = 0; i < 40; i++) engine.advance(1000)
    stop()
    const lines = out.split('\n').filter(Boolean)
    // No header: the columns are sized by the cells alone (minwidth 6, padding 3).
    expect(lines[0]).toBe('mynginx   0/1   Pending   0     0s')
    expect(lines).toContain('mynginx   0/1   ContainerCreating   0     0s')
    // After ContainerCreating, STATUS keeps its 20 columns.
    expect(lines.at(-1)).toMatch(/^mynginx {3}1\/1 {3}Running {13}0 {5}\d+s$/)
    expect(out).not.toMatch(/NAME/)
  })

  it('prints the current table with its header, then rows aligned to the widest cell seen (remembered widths)', () => {
    const engine = cluster()
    engine.create(MYNGINX)
    const plain = kubectl(engine, ['get', 'pods']).stdout
    const { first, later } = watchFor(engine, ['get', 'pods', '--watch'], 40)
    // The first table is `get pods` itself (here the pod was created and its sandbox started in one instant).
    expect(first).toBe(plain)
    expect(first).toBe('NAME      READY   STATUS              RESTARTS   AGE\nmynginx   0/1     ContainerCreating   0          0s\n')
    // Later rows keep the header's widths (remembered across flushes), Running padded to ContainerCreating's.
    expect(later.split('\n').filter(Boolean).at(-1)).toMatch(/^mynginx {3}1\/1 {5}Running {13}0 {10}\d+s$/)
  })

  it('stops printing when stopped (Ctrl+C)', () => {
    const engine = cluster()
    const r = kubectl(engine, ['get', 'pods', '-w'])
    let out = ''
    const stop = r.follow!.start((_s, t) => (out += t), () => {})
    stop()
    engine.create(MYNGINX)
    engine.advance(5000)
    expect(out).toBe('')
  })

  it('--watch-only leaves the current objects out; a named watch prints only that object', () => {
    const engine = cluster()
    engine.create(MYNGINX)
    engine.create({ ...MYNGINX, metadata: { ...MYNGINX.metadata, name: 'other' } })
    const only = watchFor(engine, ['get', 'pods', 'mynginx', '--watch-only'], 5)
    expect(only.first).toBe('')
    expect(only.later).not.toMatch(/other/)
    expect(only.later).toMatch(/^mynginx /m)
  })

  it('-o name prints each change as kind/name', () => {
    const engine = cluster()
    const r = kubectl(engine, ['get', 'pods', '-w', '-o', 'name'])
    let out = ''
    const stop = r.follow!.start((_s, t) => (out += t), () => {})
    engine.create(MYNGINX)
    stop()
    // One line per change (added, bound, ContainerCreating...), each the object's name.
    const lines = out.split('\n').filter(Boolean)
    expect(lines.length).toBeGreaterThan(1)
    expect(new Set(lines)).toEqual(new Set(['pod/mynginx']))
  })

  it('refuses two resource types with builder.go SingleResourceType text', () => {
    const engine = cluster()
    const r = kubectl(engine, ['get', 'pods,nodes', '-w'])
    expect(r.stderr).toBe('error: you may only specify a single resource type\n')
    expect(r.exitCode).toBe(1)
    expect(r.follow).toBeUndefined()
  })
})
