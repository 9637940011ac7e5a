// @vitest-environment happy-dom
// Issue 11 item 3: the pod detail pane: describe's facts in the summary, tabs by keyboard, logs as a console job
// stopped when its tab closes, the causal chain in the timeline, and a plain sentence for a pod that is gone.
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount, type Mounted } from '../../testing/mount'
import { crashLoopDetail } from '../../testing/pod-detail'
import PodDetail from './PodDetail.vue'

let mounted: Mounted | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
})

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await new Promise((done) => setTimeout(done, 0))
    await nextTick()
  }
}

/** Mounts the pane for pod `name` once the fake API answers pods.detail (and console.run with job 7). */
async function open(name: string): Promise<Mounted> {
  const shown = ref(false)
  const m = await mount(defineComponent({ setup: () => () => (shown.value ? h(PodDetail, { namespace: 'default', name }) : null) }))
  m.fake.answer('pods.detail', ({ name: asked }) =>
    asked === 'crash' ? { ok: true, result: crashLoopDetail() } : { ok: false, error: { reason: 'NotFound', message: `pods "${asked}" not found` } },
  )
  m.fake.answer('console.run', () => ({ ok: true, result: { job: '7' } }))
  shown.value = true
  await settle()
  return m
}

const q = (testid: string) => mounted!.root.querySelector<HTMLElement>(`[data-testid=${testid}]`)

describe('PodDetail', () => {
  it('shows describe\'s facts and the container\'s state, last state and restarts in the summary', async () => {
    mounted = await open('crash')
    expect(q('pod-detail-name')!.textContent).toBe('crash')
    expect(q('pod-fact-node')!.textContent).toBe('podlab-worker/172.18.0.3')
    expect(q('container-state')!.textContent).toContain('Waiting: CrashLoopBackOff')
    expect(q('container-last-state')!.textContent).toContain('Terminated: Error, exit code 1')
    expect(q('container-restarts')!.textContent).toBe('2')
    expect(q('pod-actions-slot')).not.toBeNull()
    // Without the list's row (another namespace shown), the header says describe's phase.
    expect(q('pod-detail-status')!.textContent).toBe('Running')
  })

  it('moves between tabs with the arrow keys, as the WAI-ARIA tabs pattern does', async () => {
    mounted = await open('crash')
    q('pod-tab-summary')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }))
    await nextTick()
    expect(q('pod-tab-timeline')!.getAttribute('aria-selected')).toBe('true')
    expect(q('pod-tabpanel-timeline')).not.toBeNull()
    expect(mounted.root.querySelector('[data-testid=timeline-chain]')!.textContent).toContain('exited (exit 1, Error) → restart #1 at once')
    expect(mounted.root.querySelector('[data-testid=timeline-chain]')!.textContent).toContain('waiting 10 s back-off (CrashLoopBackOff) before restart #2')
  })

  it('follows the log with kubectl logs -f as a console job, and stops it when the tab closes', async () => {
    mounted = await open('crash')
    q('pod-tab-logs')!.click()
    await settle()
    const run = mounted.fake.calls.find((c) => c.call === 'console.run')
    expect(run?.request).toMatchObject({ line: 'kubectl logs crash -n default -c busybox -f' })
    mounted.fake.push({ type: 'console', job: '7', stream: 'stdout', text: 'starting up\n' })
    await nextTick()
    expect(q('pod-logs-text')!.textContent).toBe('starting up\n')
    q('pod-tab-yaml')!.click()
    await settle()
    expect(mounted.fake.calls.filter((c) => c.call === 'console.interrupt').map((c) => c.request)).toEqual([{ job: '7' }])
  })

  it('says in words that a pod is gone, rather than an error', async () => {
    mounted = await open('gone')
    expect(q('pod-detail-gone')!.textContent).toBe('Pod gone is not in namespace default (any more). Pick another pod in the list.')
  })
})
