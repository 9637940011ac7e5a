// The WebSocket contract under arbitrary JSON (issue 5): checkCall and Session.call never throw, and a call
// always comes back as a Reply (ok with a result, or an error with a string reason and message).

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CALL_NAMES, checkCall, RESOURCES } from '../contract'
import type { Engine } from '../engine/engine'
import { openCluster } from '../engine/open-cluster'
import { fuzzRuns } from '../engine/testing/fuzz'
import { Session } from './session'

let engine: Engine
let session: Session

beforeAll(() => {
  engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-session-fuzz-')), 'c.podlab'), { mode: 'manual' })
  session = new Session(engine, () => {})
})

afterAll(() => {
  session.close()
  engine.close()
})

const json = fc.jsonValue({ maxDepth: 6 })
const callName = fc.oneof(fc.constantFrom(...CALL_NAMES), json)
// Requests near the real shapes, so the fuzz reaches the handlers and not only the payload checks.
const request = fc.oneof(
  json,
  fc.record({ resource: fc.oneof(fc.constantFrom(...RESOURCES), json), namespace: fc.oneof(fc.string(), json) }, { requiredKeys: [] }),
  fc.record({ seconds: fc.oneof(fc.double({ min: -1, max: 120 }), json) }, { requiredKeys: [] }),
  fc.record({ speed: fc.oneof(fc.double(), json) }, { requiredKeys: [] }),
  fc.record({ text: fc.oneof(fc.string(), json), source: fc.oneof(fc.string(), json) }, { requiredKeys: [] }),
)

function isReply(reply: unknown): boolean {
  if (typeof reply !== 'object' || reply === null) return false
  const r = reply as { ok?: unknown; result?: unknown; error?: { reason?: unknown; message?: unknown } }
  if (r.ok === true) return 'result' in r && !('error' in r)
  return r.ok === false && typeof r.error?.reason === 'string' && typeof r.error.message === 'string'
}

describe('contract fuzz', () => {
  it('checkCall never throws on arbitrary JSON and says ok or why not', () => {
    fc.assert(
      fc.property(callName, request, (name, payload) => {
        const checked = checkCall(name, payload)
        expect(checked.ok || typeof checked.message === 'string').toBe(true)
      }),
      { numRuns: fuzzRuns(500) },
    )
  })

  it('Session.call never throws on arbitrary JSON and always returns a Reply', () => {
    fc.assert(
      fc.property(callName, request, (name, payload) => {
        expect(isReply(session.call(name, payload))).toBe(true)
      }),
      { numRuns: fuzzRuns(300) },
    )
  })
})
