import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Engine } from '../engine'
import { openCluster } from '../open-cluster'
import { stepToNext } from './next-event'

describe('stepToNext', () => {
  it('moves exactly to the next due time, 0 when it is already due, nothing when none is scheduled', () => {
    expect(stepToNext(1_500, 1_000)).toBe(500)
    expect(stepToNext(900, 1_000)).toBe(0)
    expect(stepToNext(undefined, 1_000)).toBeUndefined()
  })
})

describe('Engine.stepToNextEvent', () => {
  let engine: Engine
  beforeEach(() => {
    engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-step-')), 'c.podlab'), { mode: 'manual' })
  })
  afterEach(() => engine.close())

  it('lands the clock exactly on the earliest timer, one advance at a time, and the pod moves on', () => {
    engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } })
    const phases = new Set<string>()
    for (let i = 0; i < 40; i++) {
      const next = engine.nextEventAt()
      if (next === undefined) break
      const before = engine.clock().nowMs
      const { clock, stepped } = engine.stepToNextEvent()
      expect(stepped).toBe(true)
      expect(clock.nowMs).toBe(Math.max(before, next))
      // What was due there has fired: the next timer, if any, is later.
      const after = engine.nextEventAt()
      if (after !== undefined) expect(after).toBeGreaterThan(clock.nowMs)
      phases.add(String((engine.get('pods', 'default', 'web').status as { phase?: string } | undefined)?.phase))
    }
    expect(phases).toContain('Running')
  })
})
