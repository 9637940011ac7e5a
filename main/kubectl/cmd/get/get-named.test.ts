// `kubectl get pod NAME` is a GET: its Table is the one pod's row, built from that pod, so a named get among
// thousands of pods costs one pod, not the namespace's whole table filtered down.

import { afterEach, describe, expect, it } from 'vitest'
import type { HostEngine } from '../../../engine'
import { openCluster } from '../../../engine'
import { MYNGINX, tmpFile } from '../../../engine/testing/cluster'
import { runKubectl } from '../../run-kubectl'

const opened: HostEngine[] = []
afterEach(() => {
  for (const e of opened.splice(0)) e.close()
})

/** The engine, and the namespaces whose whole Table a command asked for. */
function counted(): { engine: HostEngine; listed: Array<string | undefined> } {
  const real = openCluster(tmpFile(), { mode: 'manual', seed: '7' })
  opened.push(real)
  for (const name of ['a', 'b', 'c']) real.create({ ...MYNGINX, metadata: { name } })
  real.advance(10_000)
  const listed: Array<string | undefined> = []
  const engine = new Proxy(real, {
    get(target, key, receiver) {
      if (key === 'table') return (resource: string, namespace: string | undefined, options?: { wide?: boolean }) => (listed.push(namespace), target.table(resource, namespace, options))
      const value = Reflect.get(target, key, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { engine, listed }
}

const kubectl = (engine: HostEngine, args: string[]) => runKubectl(args, { engine, readFile: () => '', readStdin: () => '' })

describe('kubectl get TYPE NAME', () => {
  it("prints the named pod's row, the same row the namespace's table has, without listing the namespace", () => {
    const { engine, listed } = counted()
    const all = kubectl(engine, ['get', 'pods', '-o', 'wide'])
    expect(listed).toEqual(['default'])
    listed.length = 0
    const one = kubectl(engine, ['get', 'pod', 'b', '-o', 'wide'])
    expect(listed).toEqual([])
    const [header, ...rows] = all.stdout.trimEnd().split('\n')
    expect(one.stdout).toBe(`${header}\n${rows.find((r) => r.startsWith('b '))}\n`)
  })

  it('names several pods and a missing one as kubectl does: the rows found, then the NotFound', () => {
    const { engine, listed } = counted()
    const r = kubectl(engine, ['get', 'pod', 'c', 'nope', 'a'])
    expect(listed).toEqual([])
    expect(r.stdout.split('\n').map((l) => l.split(' ')[0])).toEqual(['NAME', 'c', 'a', ''])
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n')
  })
})
