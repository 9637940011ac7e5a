// `kubectl edit` in the in-app console, through a door's Session: the editor opens as a `console-edit` delta with
// kubectl's file; `console.edit` hands back what the page saved (or Cancel); an error reopens the editor with
// kubectl's reasons; Ctrl+C ends the job and forgets the open editor; payloads are checked.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Delta } from '../../contract'
import type { HostEngine } from '../../engine'
import { openCluster } from '../../engine'
import { MYNGINX } from '../../engine/testing/cluster'
import { EDIT_HEADER } from '../../kubectl/cmd/edit/edit-file'
import { Session } from '../session'

let engine: HostEngine
beforeEach(() => {
  engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-console-edit-')), 'c.podlab'), { mode: 'manual' })
  engine.create(MYNGINX)
})
afterEach(() => engine.close())

// A job runs after the call's reply, on timers: wait (bounded) for what the step expects, not a fixed 20 ms that a
// loaded CI machine can outlast (CI once saw the reopened editor arrive after it).
const until = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 5 })
const exited = (printed: () => string[]) => until(() => expect(printed().at(-1)).toMatch(/^exit /))
type EditDelta = Extract<Delta, { type: 'console-edit' }>

function start(line: string) {
  const deltas: Delta[] = []
  const session = new Session(engine, (d) => deltas.push(d))
  const { job } = (session.call('console.run', { line, columns: 80 }) as { ok: true; result: { job: string } }).result
  const edits = () => deltas.filter((d): d is EditDelta => d.type === 'console-edit')
  const printed = () => deltas.flatMap((d) => (d.type === 'console' ? [`${d.stream}: ${d.text}`] : d.type === 'console-exit' ? [`exit ${d.code}`] : []))
  return { session, job, edits, printed }
}

describe('kubectl edit in the console', () => {
  it('opens the editor on kubectl\'s file; the saved text is patched and the console prints pod/mynginx edited', async () => {
    const { session, job, edits, printed } = start('kubectl edit pod mynginx')
    await until(() => expect(edits()).toHaveLength(1))
    const { text, fileName } = edits()[0]!
    expect(fileName).toBe('kubectl-edit-*.yaml')
    expect(text.startsWith(EDIT_HEADER)).toBe(true)
    expect(text).toContain('\n  name: mynginx\n')
    const saved = text.replace('    run: mynginx\n', '    run: mynginx\n    tier: frontend\n')
    expect(session.call('console.edit', { job, text: saved })).toEqual({ ok: true, result: { delivered: true } })
    await exited(printed)
    expect(printed()).toEqual(['stdout: pod/mynginx edited\n', 'exit 0'])
    expect(engine.get('pods', 'default', 'mynginx').metadata.labels).toEqual({ run: 'mynginx', tier: 'frontend' })
    expect(session.call('console.edit', { job, text: saved })).toEqual({ ok: true, result: { delivered: false } })
    session.close()
  })

  it('Cancel: Edit cancelled, no changes made.', async () => {
    const { session, job, edits, printed } = start('kubectl edit pod mynginx')
    await until(() => expect(edits()).toHaveLength(1))
    session.call('console.edit', { job, cancel: true })
    await exited(printed)
    expect(printed()).toEqual(['stderr: Edit cancelled, no changes made.\n', 'exit 0'])
    session.close()
  })

  it('an invalid edit reopens the editor with the reasons in its header; Cancel then ends it with exit 1', async () => {
    const { session, job, edits, printed } = start('kubectl edit pod mynginx')
    await until(() => expect(edits()).toHaveLength(1))
    session.call('console.edit', { job, text: edits()[0]!.text.replace('restartPolicy: Always', 'restartPolicy: Never') })
    await until(() => expect(edits()).toHaveLength(2))
    expect(edits()[1]!.text).toMatch(/^# Please edit[^]*#\n# pods "mynginx" was not valid:\n# \* spec: Forbidden: pod updates may not change fields other than /)
    expect(edits()[1]!.text).toContain('restartPolicy: Never')
    session.call('console.edit', { job, cancel: true })
    await exited(printed)
    expect(printed()).toEqual(['stderr: error: pods "mynginx" is invalid\n', 'stderr: error: Edit cancelled, no valid changes were saved.\n', 'exit 1'])
    session.close()
  })

  it('an object deleted while its editor is open: kubectl\'s error, and a plain line instead of a file that keeps the edits', async () => {
    engine.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { a: '1' } })
    const { session, job, edits, printed } = start('kubectl edit configmap settings')
    await until(() => expect(edits()).toHaveLength(1))
    engine.delete('configmaps', 'default', 'settings')
    session.call('console.edit', { job, text: edits()[0]!.text.replace("a: \"1\"", "a: \"2\"") })
    await exited(printed)
    expect(printed()).toEqual([
      'stderr: error: configmaps "settings" could not be found on the server\npodlab: the console has no files: these edits were not kept\n',
      'exit 1',
    ])
    session.close()
  })

  it('Ctrl+C while the editor is open ends the job with 130; the editor is gone', async () => {
    const { session, job, edits, printed } = start('kubectl edit pod mynginx')
    await until(() => expect(edits()).toHaveLength(1))
    session.call('console.interrupt', { job })
    await exited(printed)
    expect(printed()).toEqual(['exit 130'])
    expect(session.call('console.edit', { job, cancel: true })).toEqual({ ok: true, result: { delivered: false } })
    session.close()
  })

  it('refuses a console.edit that is neither text nor cancel, or too large', () => {
    const session = new Session(engine, () => {})
    expect(session.call('console.edit', { job: '1' }).ok).toBe(false)
    expect(session.call('console.edit', { job: '1', text: 'x', cancel: true }).ok).toBe(false)
    expect(session.call('console.edit', { job: '1', cancel: false }).ok).toBe(false)
    expect(session.call('console.edit', { job: '1', text: 'x'.repeat(3 * 1024 * 1024 + 1) }).ok).toBe(false)
    expect(session.call('console.edit', { job: 'x/1', text: 'x' }).ok).toBe(false)
    session.close()
  })
})
