import { describe, expect, it } from 'vitest'
import { decodeServerMessage, encodeCall } from './wire'

describe('encodeCall', () => {
  it('writes {id, call, request}', () => {
    expect(JSON.parse(encodeCall({ id: 3, call: 'clock.setSpeed', request: { speed: 2 } }))).toEqual({
      id: 3,
      call: 'clock.setSpeed',
      request: { speed: 2 },
    })
  })
})

describe('decodeServerMessage', () => {
  const clock = { now: '2025-01-01T00:00:00Z', nowMs: 1735689600000, mode: 'realtime', paused: false, speed: 1 }

  it.each([
    ['a success reply', { id: 1, reply: { ok: true, result: clock } }, { kind: 'reply', id: 1, reply: { ok: true, result: clock } }],
    [
      'an error reply',
      { id: 2, reply: { ok: false, error: { reason: 'BadRequest', message: 'bad' } } },
      { kind: 'reply', id: 2, reply: { ok: false, error: { reason: 'BadRequest', message: 'bad' } } },
    ],
    ['a clock delta', { delta: { type: 'clock', clock } }, { kind: 'delta', delta: { type: 'clock', clock } }],
    [
      'a table delta',
      { delta: { type: 'table', view: { resource: 'pods' }, table: { kind: 'Table' } } },
      { kind: 'delta', delta: { type: 'table', view: { resource: 'pods' }, table: { kind: 'Table' } } },
    ],
    [
      'a console delta',
      { delta: { type: 'console', job: '3', stream: 'stderr', text: 'x\n' } },
      { kind: 'delta', delta: { type: 'console', job: '3', stream: 'stderr', text: 'x\n' } },
    ],
    ['a console exit', { delta: { type: 'console-exit', job: '3', code: 130 } }, { kind: 'delta', delta: { type: 'console-exit', job: '3', code: 130 } }],
    [
      "kubectl edit's editor",
      { delta: { type: 'console-edit', job: '3', text: 'kind: Pod\n', fileName: 'kubectl-edit-*.yaml' } },
      { kind: 'delta', delta: { type: 'console-edit', job: '3', text: 'kind: Pod\n', fileName: 'kubectl-edit-*.yaml' } },
    ],
  ])('reads %s', (_what, frame, expected) => {
    expect(decodeServerMessage(JSON.stringify(frame))).toEqual(expected)
  })

  it.each([
    ['not JSON', '{'],
    ['a console delta on another stream', JSON.stringify({ delta: { type: 'console', job: '1', stream: 'stdin', text: '' } })],
    ['an array', '[]'],
    ['a reply without id', JSON.stringify({ reply: { ok: true, result: 1 } })],
    ['a fractional id', JSON.stringify({ id: 1.5, reply: { ok: true, result: 1 } })],
    ['ok:true without result', JSON.stringify({ id: 1, reply: { ok: true } })],
    ['ok:false without a proper error', JSON.stringify({ id: 1, reply: { ok: false, error: 'boom' } })],
    ['an unknown delta type', JSON.stringify({ delta: { type: 'gossip' } })],
    ['a table delta without its table', JSON.stringify({ delta: { type: 'table', view: { resource: 'pods' } } })],
    ['an edit delta without its file name', JSON.stringify({ delta: { type: 'console-edit', job: '1', text: '' } })],
  ])('drops %s', (_what, text) => {
    expect(decodeServerMessage(text)).toBeNull()
  })
})
