// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../../main/kube'
import { fakeConnection, type Mounted } from '../../testing/mount'
import { mountLater, settle } from '../../testing/mount-later'
import HistoryTab from './HistoryTab.vue'

const pod = (rv: number, status: string): HistoryEntry => ({ resourceVersion: rv, at: Date.UTC(2025, 0, 1, 0, 1, rv), change: 'MODIFIED', resource: 'pods', kind: 'Pod', namespace: 'default', name: 'crash', uid: 'u1', status })
const backOff: HistoryEntry = {
  resourceVersion: 9,
  at: Date.UTC(2025, 0, 1, 0, 1, 9),
  change: 'ADDED',
  resource: 'events',
  kind: 'Event',
  namespace: 'default',
  name: 'crash.1811',
  uid: 'e1',
  reason: 'BackOff',
  eventType: 'Warning',
  message: 'Back-off restarting failed container c in pod crash_default(u1)',
  involved: { kind: 'Pod', namespace: 'default', name: 'crash' },
}

let mounted: Mounted | null = null
afterEach(() => mounted?.unmount())
async function mountWith(
  connection = fakeConnection(),
  answer: (m: Mounted) => void = (m) => m.fake.answer('history.list', () => ({ ok: true, result: { entries: [], older: null, newer: null } })),
): Promise<Mounted> {
  return mountLater(HistoryTab, answer, connection)
}

describe('the history tab', () => {
  it("lists the rows the engine gave, an Event's row naming its pod with its reason; clicking a row shows its YAML and the diff", async () => {
    mounted = await mountWith(fakeConnection(), (m) => {
      m.fake.answer('history.list', () => ({ ok: true, result: { entries: [backOff, pod(8, 'CrashLoopBackOff'), pod(7, 'Error')], older: null, newer: null } }))
      m.fake.answer('history.version', () => ({
        ok: true,
        result: { entry: pod(8, 'CrashLoopBackOff'), yaml: 'kind: Pod\nmetadata:\n  resourceVersion: "8"\n', previous: { entry: pod(7, 'Error'), yaml: 'kind: Pod\nmetadata:\n  resourceVersion: "7"\n' } },
      }))
    })
    const input = mounted.root.querySelector<HTMLInputElement>('[data-testid="filter-name"]')!
    input.value = 'crash'
    input.dispatchEvent(new Event('input'))
    await new Promise((done) => setTimeout(done, 300))
    await settle()
    expect(mounted.fake.calls.at(-1)).toEqual({ call: 'history.list', request: { filter: { name: 'crash' }, limit: 200 } })
    const rows = [...mounted.root.querySelectorAll('tr.row')].map((r) => [...r.querySelectorAll('td')].slice(1, 5).map((td) => td.textContent))
    expect(rows).toEqual([
      ['Event → Pod', 'default/crash', 'Warning BackOff', 'ADDED'],
      ['Pod', 'default/crash', 'CrashLoopBackOff', 'MODIFIED'],
      ['Pod', 'default/crash', 'Error', 'MODIFIED'],
    ])
    mounted.root.querySelector<HTMLButtonElement>('[data-testid="history-row-8"] button.open')!.click()
    await settle()
    expect(mounted.fake.calls.at(-1)).toEqual({ call: 'history.version', request: { resourceVersion: 8 } })
    expect(mounted.root.querySelector('[data-testid="version-yaml"]')?.textContent).toContain('resourceVersion: "8"')
    const diff = [...mounted.root.querySelectorAll('[data-testid="version-diff"] .line')].map((l) => `${l.className}|${l.textContent}`)
    expect(diff).toContain('line removed|-  resourceVersion: "7"')
    expect(diff).toContain('line added|+  resourceVersion: "8"')
    expect(mounted.root.querySelector('[data-testid="version-open-pod"]')?.getAttribute('href')).toBe('/pods/default/crash')
  })

  it('says what to do when nothing matches, and offers no filter while offline', async () => {
    const connection = fakeConnection('closed')
    mounted = await mountWith(connection)
    await settle()
    expect(mounted.root.querySelector('[data-testid="filter-name"]')?.hasAttribute('disabled')).toBe(true)
    expect(mounted.root.querySelector('[data-testid="history-empty"]')?.textContent).toContain('No change matches these filters')
  })
})
