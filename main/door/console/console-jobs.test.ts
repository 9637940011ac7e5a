// Issue 9 item 2, through a door's Session: a console line's output arrives as deltas after the call's reply, in
// order, then its exit; Ctrl+C ends a watch with 130; payloads are checked and jobs bounded; a closed session
// stops its jobs.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_CONSOLE_JOBS, type Delta } from '../../contract'
import type { HostEngine } from '../../engine'
import { openCluster } from '../../engine'
import { MYNGINX } from '../../engine/testing/cluster'
import { Session } from '../session'

let engine: HostEngine
beforeEach(() => {
  engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-console-')), 'c.podlab'), { mode: 'manual' })
})
afterEach(() => engine.close())

// Jobs run after the call's reply, on timers: wait (bounded) for what a step expects; only "nothing more is sent"
// needs a plain pause.
const settle = () => new Promise((done) => setTimeout(done, 20))
const until = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 5 })
const consoleDeltas = (deltas: Delta[]) => deltas.filter((d) => d.type === 'console' || d.type === 'console-exit')

describe('console jobs over a Session', () => {
  it('answers with a job id first; the output and the exit code follow as deltas', async () => {
    const deltas: Delta[] = []
    const session = new Session(engine, (d) => deltas.push(d))
    engine.create(MYNGINX)
    const reply = session.call('console.run', { line: 'kubectl get pods -o name; kubectl get pods nosuch', columns: 80 })
    expect(reply).toEqual({ ok: true, result: { job: '1' } })
    expect(consoleDeltas(deltas)).toEqual([])
    await until(() => expect(consoleDeltas(deltas).at(-1)?.type).toBe('console-exit'))
    expect(consoleDeltas(deltas)).toEqual([
      { type: 'console', job: '1', stream: 'stdout', text: 'pod/mynginx\n' },
      { type: 'console', job: '1', stream: 'stderr', text: 'Error from server (NotFound): pods "nosuch" not found\n' },
      { type: 'console-exit', job: '1', code: 1 },
    ])
    session.close()
  })

  it('Ctrl+C ends a watch with 130; an ended job is no longer there to interrupt', async () => {
    const deltas: Delta[] = []
    const session = new Session(engine, (d) => deltas.push(d))
    const { job } = (session.call('console.run', { line: 'kubectl get pods -w', columns: 80 }) as { ok: true; result: { job: string } }).result
    engine.create(MYNGINX)
    await until(() => expect(consoleDeltas(deltas).some((d) => d.type === 'console' && /mynginx/.test(d.text))).toBe(true))
    expect(session.call('console.interrupt', { job })).toEqual({ ok: true, result: { interrupted: true } })
    await until(() => expect(consoleDeltas(deltas).at(-1)?.type).toBe('console-exit'))
    expect(consoleDeltas(deltas).at(-1)).toEqual({ type: 'console-exit', job, code: 130 })
    expect(session.call('console.interrupt', { job })).toEqual({ ok: true, result: { interrupted: false } })
    session.close()
  })

  it(`refuses bad payloads and a ${MAX_CONSOLE_JOBS + 1}th running job`, () => {
    const session = new Session(engine, () => {})
    expect(session.call('console.run', { line: 'kubectl get pods', columns: 5 }).ok).toBe(false)
    expect(session.call('console.run', { line: 42, columns: 80 }).ok).toBe(false)
    expect(session.call('console.input', { job: '../1', text: 'x' }).ok).toBe(false)
    expect(session.call('console.input', { job: '1', text: 'x', eof: true }).ok).toBe(false)
    expect(session.call('console.interrupt', { job: '1', extra: 1 }).ok).toBe(false)
    for (let i = 0; i < MAX_CONSOLE_JOBS; i++) expect(session.call('console.run', { line: 'kubectl get pods -w', columns: 80 }).ok).toBe(true)
    expect(session.call('console.run', { line: 'kubectl get pods -w', columns: 80 })).toEqual({
      ok: false,
      error: { reason: 'BadRequest', message: `console.run: at most ${MAX_CONSOLE_JOBS} console lines can run at once; stop one with Ctrl+C first` },
    })
    session.close()
  })

  it('a closed session stops its watches: nothing more is sent', async () => {
    const deltas: Delta[] = []
    const session = new Session(engine, (d) => deltas.push(d))
    session.call('console.run', { line: 'kubectl get pods -w', columns: 80 })
    session.close()
    engine.create(MYNGINX)
    await settle()
    expect(consoleDeltas(deltas)).toEqual([])
  })
})
