// dryRun=All on create, update, patch and delete (apiserver pkg/registry/generic/registry/dryrun.go): the request
// is admitted, defaulted, named and validated as it would be, and nothing is stored, recorded or drawn.

import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { isApiError } from './api/errors'
import { openCluster } from './open-cluster'
import { MYNGINX, tmpFile } from './testing/cluster'

const commandCount = (path: string): number => {
  const db = new Database(path, { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM commands').get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('a server-side dry run', () => {
  it('creates nothing, yet answers the pod as admission, defaulting and BeforeCreate made it (uid, no resourceVersion)', () => {
    const path = tmpFile()
    const engine = openCluster(path, { mode: 'manual', door: 'cli' })
    const rv = engine.info().resourceVersion
    const before = commandCount(path)
    const answered = engine.create(MYNGINX, { fieldValidation: 'Strict', dryRun: 'All' })
    expect(answered.metadata.uid).toMatch(/^[0-9a-f-]{36}$/)
    expect(answered.metadata.resourceVersion).toBeUndefined()
    expect((answered.spec as { restartPolicy?: string }).restartPolicy).toBe('Always')
    expect(() => engine.get('pods', 'default', 'mynginx')).toThrow(/not found/)
    expect(engine.info().resourceVersion).toBe(rv)
    expect(commandCount(path)).toBe(before)
    engine.close()
  })

  it('leaves the seeded generator where it was: the real create after it gets the uid a create without it gets', () => {
    const [a, b] = [openCluster(tmpFile(), { mode: 'manual', seed: '7' }), openCluster(tmpFile(), { mode: 'manual', seed: '7' })]
    a.create({ ...MYNGINX, metadata: { name: 'probe' } }, { dryRun: 'All' })
    expect(a.create(MYNGINX).metadata.uid).toBe(b.create(MYNGINX).metadata.uid)
    a.close()
    b.close()
  })

  it('raises the errors the real request would: AlreadyExists for a pod that exists, Invalid for a bad one', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(MYNGINX)
    const already = (() => {
      try {
        engine.create(MYNGINX, { dryRun: 'All' })
      } catch (e) {
        return e
      }
    })()
    expect(isApiError(already) && already.reason).toBe('AlreadyExists')
    const bad = { ...MYNGINX, metadata: { name: 'Bad_Name' } }
    expect(() => engine.create(bad, { dryRun: 'All' })).toThrow(/Invalid value: "Bad_Name"/)
    engine.close()
  })

  it('patches and updates nothing, answering the changed object with the stored resourceVersion', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(MYNGINX)
    const stored = engine.get('pods', 'default', 'mynginx')
    const patched = engine.patch('pods', 'default', 'mynginx', 'merge', { metadata: { labels: { tier: 'web' } } }, { dryRun: 'All' })
    expect(patched.metadata.labels).toEqual({ run: 'mynginx', tier: 'web' })
    expect(patched.metadata.resourceVersion).toBe(stored.metadata.resourceVersion)
    const updated = engine.update({ ...stored, metadata: { ...stored.metadata, labels: { run: 'x' } } }, { dryRun: 'All' })
    expect(updated.metadata.labels).toEqual({ run: 'x' })
    expect(engine.get('pods', 'default', 'mynginx').metadata).toEqual(stored.metadata)
    engine.close()
  })

  it('deletes nothing: the answer carries the deletionTimestamp the graceful delete would set, the pod stays as it was', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(MYNGINX)
    const stored = engine.get('pods', 'default', 'mynginx')
    const answered = engine.delete('pods', 'default', 'mynginx', { dryRun: 'All' })
    expect(answered.metadata.deletionTimestamp).toBeDefined()
    expect(answered.metadata.deletionGracePeriodSeconds).toBe(30)
    expect(engine.get('pods', 'default', 'mynginx')).toEqual(stored)
    engine.close()
  })
})
