// A watcher hears each change once and in resourceVersion order, even when it reads the engine (get -w asks for
// a Table row) or writes to it while hearing one: a read must not hand it the later events first.

import { describe, expect, it } from 'vitest'
import { openCluster } from './open-cluster'
import { MYNGINX, tmpFile } from './testing/cluster'

describe('Engine.watch delivery', () => {
  it('stays in order when the watcher reads the engine inside its handler', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual', seed: '3' })
    const heard: number[] = []
    engine.watch(engine.info().resourceVersion, (e, rv) => {
      heard.push(Number(rv))
      engine.tableOf('pods', [e.object])
      engine.list('pods', 'default')
    })
    engine.create(MYNGINX)
    engine.advance(5000)
    expect(heard.length).toBeGreaterThan(3)
    expect(heard).toEqual([...heard].sort((a, b) => a - b))
    expect(new Set(heard).size).toBe(heard.length)
    engine.close()
  })

  it('hands on, in order and once, what a watcher itself writes while hearing', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual', seed: '3' })
    const heard: string[] = []
    let wrote = false
    engine.watch(engine.info().resourceVersion, (e, rv) => {
      heard.push(`${rv} ${e.type} ${e.object.kind}/${e.object.metadata.name}`)
      if (!wrote && e.object.metadata.name === 'mynginx') {
        wrote = true
        engine.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'seen', namespace: 'default' } })
      }
    })
    engine.create(MYNGINX)
    const rvs = heard.map((h) => Number(h.split(' ')[0]))
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b))
    expect(new Set(rvs).size).toBe(rvs.length)
    expect(heard.some((h) => h.endsWith('ADDED ConfigMap/seen'))).toBe(true)
    expect(rvs.at(-1)).toBe(Number(engine.info().resourceVersion))
    engine.close()
  })
})
