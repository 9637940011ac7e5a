// `kubectl top` on a real cluster (manual clock): metrics.k8s.io as Podlab serves it through kubectl's printer,
// the wait for the first scrapes, and the subcommands' help and aliases as cobra finds them.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Engine } from '../../../engine'
import { manualClusters, MYNGINX } from '../../../engine/testing/cluster'
import { runKubectl } from '../../run-kubectl'
import { fakeEngine } from '../../testing/fake-engine'

const cluster = manualClusters()
const kubectl = (engine: Engine, ...args: string[]) => runKubectl(args, { engine, readFile: () => '', readStdin: () => '' })
const golden = (name: string) => fs.readFileSync(path.join(__dirname, '..', '..', 'testdata', 'help', `${name}.golden`), 'utf8')

describe('kubectl top on a real cluster', () => {
  it('a pod just created has no metrics yet: `metrics not available yet`; once scraped, its row', () => {
    const engine = cluster()
    engine.create(MYNGINX)
    engine.advance(1_000)
    expect(kubectl(engine, 'top', 'pod')).toEqual({ stdout: '', stderr: 'error: metrics not available yet\n', exitCode: 1 })
    engine.advance(90_000)
    const r = kubectl(engine, 'top', 'pod')
    expect(r.stdout).toMatch(/^NAME {6}CPU\(cores\) {3}MEMORY\(bytes\) {3}\nmynginx {3}\d+m {10,}\d+Mi {10,}\n$/)
    expect(r.exitCode).toBe(0)
  })

  it('top node: every node, with its share of what is allocatable', () => {
    const engine = cluster()
    engine.advance(90_000)
    const lines = kubectl(engine, 'top', 'node').stdout.split('\n')
    expect(lines[0]).toBe('NAME                   CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ')
    expect(lines.slice(1, -1).map((l) => l.split(/ +/)[0])).toEqual(['podlab-control-plane', 'podlab-worker', 'podlab-worker2', 'podlab-worker3'])
    for (const l of lines.slice(1, -1)) expect(l).toMatch(/^\S+ +\d+m +\d+% +\d+Mi +\d+% +$/)
  })

  it('no pods in the namespace: kubectl\'s "No resources found" on stderr, exit 0', () => {
    const engine = cluster()
    engine.advance(90_000)
    expect(kubectl(engine, 'top', 'pod')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 })
  })
})

describe('kubectl top pod|node --help and aliases', () => {
  const fake = fakeEngine({})
  it.each([
    ['pod', 'top-pod'],
    ['pods', 'top-pod'],
    ['po', 'top-pod'],
    ['node', 'top-node'],
    ['nodes', 'top-node'],
    ['no', 'top-node'],
  ])('top %s --help is the real help of %s', (sub, file) => {
    expect(kubectl(fake, 'top', sub, '--help')).toEqual({ stdout: golden(file), stderr: '', exitCode: 0 })
  })
})
