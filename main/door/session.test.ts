import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_WATCHED_VIEWS, type Delta, type KubeApiInfo } from '../contract'
import type { Engine } from '../engine/engine'
import { openCluster } from '../engine/open-cluster'
import { smallClusterFile } from '../engine/testing/cluster-file-bytes'
import { Session } from './session'

let engine: Engine

beforeEach(() => {
  engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-session-')), 'c.podlab'), { mode: 'manual' })
})

afterEach(() => engine.close())

const settle = () => new Promise((done) => setTimeout(done, 20))

describe('Session', () => {
  it(`refuses a ${MAX_WATCHED_VIEWS + 1}th watched view with BadRequest, but not a view it already watches (issue 5: unbounded)`, () => {
    const session = new Session(engine, () => {})
    for (let i = 0; i < MAX_WATCHED_VIEWS; i++) expect(session.call('table.watch', { resource: 'pods', namespace: `ns-${i}` }).ok).toBe(true)
    expect(session.call('table.watch', { resource: 'pods', namespace: 'ns-0' }).ok).toBe(true)
    expect(session.call('table.watch', { resource: 'pods', namespace: 'one-more' })).toEqual({
      ok: false,
      error: { reason: 'BadRequest', message: `table.watch: at most ${MAX_WATCHED_VIEWS} table views can be watched at once; unwatch one first` },
    })
    session.call('table.unwatch', { resource: 'pods', namespace: 'ns-0' })
    expect(session.call('table.watch', { resource: 'pods', namespace: 'one-more' }).ok).toBe(true)
    session.close()
  })

  it('pushes nothing inside a call: the watched table and the clock arrive after the reply', async () => {
    const deltas: Delta[] = []
    const session = new Session(engine, (d) => deltas.push(d))
    session.call('table.watch', { resource: 'pods' })
    session.call('clock.advance', { seconds: 1 })
    expect(deltas).toEqual([])
    await vi.waitFor(() => expect(deltas.map((d) => d.type).sort()).toEqual(['clock', 'table']), { timeout: 5000, interval: 5 })
    session.close()
  })

  it('builds a view once for 50 sessions watching it, and pushes again only when the table changed (issue 5: latency)', async () => {
    const build = vi.spyOn(engine, 'table')
    const received: Delta[][] = []
    const sessions = Array.from({ length: 50 }, () => {
      const mine: Delta[] = []
      received.push(mine)
      return new Session(engine, (d) => mine.push(d))
    })
    for (const s of sessions) s.call('table.watch', { resource: 'nodes' })
    // Each push waits for a timer and the check phase: on a loaded machine 20 ms of wall time may not be enough,
    // so wait for the pushes themselves (bounded), then count the builds.
    await vi.waitFor(() => expect(received.every((d) => d.some((x) => x.type === 'table'))).toBe(true), { timeout: 5000, interval: 10 })
    await settle()
    expect(build).toHaveBeenCalledTimes(1)
    expect(received.every((d) => d.filter((x) => x.type === 'table').length === 1)).toBe(true)
    expect(sessions[0]!.call('table.get', { resource: 'nodes' }).ok).toBe(true)
    expect(build).toHaveBeenCalledTimes(1)
    for (const s of sessions) s.close()
  })
})

describe('kubeapi.info', () => {
  it('answers where the host serves the Kubernetes API, asked again at each call (the host starts it after the page)', () => {
    let info: KubeApiInfo = { serving: false, reason: 'The Kubernetes API is starting.' }
    const session = new Session(engine, () => {}, () => info)
    expect(session.call('kubeapi.info', {})).toEqual({ ok: true, result: { serving: false, reason: 'The Kubernetes API is starting.' } })
    info = { serving: true, url: 'http://127.0.0.1:40001', kubeconfig: '/tmp/c.kubeconfig' }
    expect(session.call('kubeapi.info', {})).toEqual({ ok: true, result: info })
    expect(session.call('kubeapi.info', { extra: 1 })).toMatchObject({ ok: false, error: { reason: 'BadRequest' } })
    session.close()
  })

  it('says no API is served by a host that serves none', () => {
    const session = new Session(engine, () => {})
    expect(session.call('kubeapi.info', {})).toEqual({ ok: true, result: { serving: false, reason: 'This window serves no Kubernetes API.' } })
    session.close()
  })
})

describe('Session on a cluster file with a damaged row', () => {
  it('answers with the typed reason ClusterFileDamaged and the sentence, not Internal with a raw JavaScript error (issue 5)', () => {
    const path = smallClusterFile()
    const raw = new Database(path)
    // The pods' table is printed from their heads (object_heads): a head without spec is the damaged row.
    raw.exec("UPDATE object_heads SET head = json_remove(head, '$.spec') WHERE resource = 'pods'")
    raw.close()
    const damaged = openCluster(path, { mode: 'manual' })
    const session = new Session(damaged, () => {})
    const reply = session.call('table.get', { resource: 'pods', namespace: 'default' })
    expect(reply).toEqual({
      ok: false,
      error: { reason: 'ClusterFileDamaged', message: expect.stringMatching(/c\.podlab" is damaged: object_heads row pods\/default\/mynginx has no metadata or no spec$/) },
    })
    session.close()
    damaged.close()
  })
})
