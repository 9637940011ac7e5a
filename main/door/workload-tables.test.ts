// Issue 11 item 2: the Workloads view watches deployments, replicasets and jobs through the same table calls as
// pods; their Tables are the engine's, with kubectl get's columns.

import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Engine } from '../engine/engine'
import { openCluster } from '../engine/open-cluster'
import { Session } from './session'

let engine: Engine
beforeEach(() => {
  engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-workloads-')), 'c.podlab'), { mode: 'manual' })
})
afterEach(() => engine.close())

const DEPLOYMENT = readFileSync(join(__dirname, '../../renderer/forms/templates/nginx-deployment.yaml'), 'utf8')

describe('workload tables', () => {
  it.each([
    ['deployments', ['Name', 'Ready', 'Up-to-date', 'Available', 'Age']],
    ['replicasets', ['Name', 'Desired', 'Current', 'Ready', 'Age']],
    ['jobs', ['Name', 'Status', 'Completions', 'Duration', 'Age']],
  ])('table.get %s has kubectl get columns', (resource, headers) => {
    const session = new Session(engine, () => {})
    const reply = session.call('table.get', { resource, namespace: 'default' })
    expect(reply.ok).toBe(true)
    if (reply.ok) {
      const table = reply.result as { columnDefinitions: Array<{ name: string; priority: number }> }
      expect(table.columnDefinitions.filter((c) => c.priority === 0).map((c) => c.name)).toEqual(headers)
    }
    session.close()
  })

  it('an applied Deployment shows 3/3 ready once its pods run', () => {
    const session = new Session(engine, () => {})
    expect(session.call('manifests.apply', { text: DEPLOYMENT, source: 'STDIN' })).toMatchObject({ ok: true, result: { outcomes: [{ ok: true, line: 'deployment.apps/nginx-deployment created' }] } })
    engine.advance(60_000)
    const reply = session.call('table.get', { resource: 'deployments', namespace: 'default' })
    expect(reply.ok && (reply.result as { rows: Array<{ cells: unknown[] }> }).rows.map((r) => r.cells.slice(0, 2))).toEqual([['nginx-deployment', '3/3']])
    session.close()
  })
})
