// Issue 11 item 3: the causal chain and the lanes, from real engine runs (a crash-looping busybox, the docs'
// liveness-exec example), in both languages.
import { beforeAll, describe, expect, it } from 'vitest'
import type { PodDetail } from '../../main/contract'
import { CRASH_LOOP_POD, LIVENESS_EXEC_POD, detailAfter } from '../../main/door/testing/pod-detail-runs'
import { createI18n } from 'vue-i18n'
import en from '../i18n/en'
import ko from '../i18n/ko'
import { causalChain, chainText, timeline } from './pod-timeline'

const words = (locale: 'en' | 'ko') => {
  // The app's messages through vue-i18n, as createPodlabI18n sets it up (that module reads the page's storage).
  const i18n = createI18n({ legacy: false, locale, messages: { en, ko } })
  const t = i18n.global.t as unknown as (key: string, params: Record<string, unknown>) => string
  return (d: PodDetail) => causalChain(d.timeline).map((link) => chainText(link, t))
}

let crash: PodDetail
let liveness: PodDetail
beforeAll(() => {
  crash = detailAfter(CRASH_LOOP_POD, 600)
  liveness = detailAfter(LIVENESS_EXEC_POD, 600)
})

describe('the causal chain', () => {
  it('a crash-looping busybox: each exit, then the restart after the kubelet\'s back-off, 10 s doubling to 300 s', () => {
    expect(words('en')(crash)).toEqual([
      'exited (exit 1, Error) → restart #1 at once',
      'exited (exit 1, Error) → restart #2 after 10 s back-off',
      'exited (exit 1, Error) → restart #3 after 20 s back-off',
      'exited (exit 1, Error) → restart #4 after 40 s back-off',
      'exited (exit 1, Error) → restart #5 after 80 s back-off',
      'exited (exit 1, Error) → restart #6 after 160 s back-off',
      'exited (exit 1, Error) → waiting 300 s back-off (CrashLoopBackOff) before restart #7',
    ])
  })

  it('the docs\' liveness example: three failed probes, the kill (exit 137), restarts at once until the back-off outgrows the 75 s between kills', () => {
    const chain = words('en')(liveness)
    expect(chain[0]).toBe('liveness probe failed 3× → killed (exit 137) → restart #1 at once')
    expect(chain).toContain('liveness probe failed 3× → killed (exit 137) → restart #6 after 80 s back-off')
    // The restart count the chain names is the one the pod's status reports.
    const restarts = (liveness.pod.status as { containerStatuses: Array<{ restartCount: number }> }).containerStatuses[0]!.restartCount
    expect(chain.at(-1)).toContain(`restart #${restarts}`)
  })

  it('says the same in Korean, with Kubernetes\' own words (CrashLoopBackOff, liveness, exit) kept', () => {
    expect(words('ko')(crash).at(-1)).toBe('종료 (exit 1, Error) → 재시작 #7 전 300초 백오프 대기 중 (CrashLoopBackOff)')
    expect(words('ko')(liveness)[0]).toBe('liveness 프로브 3회 실패 → 강제 종료 (exit 137) → 곧바로 재시작 #1')
  })

  it('joins an image pull failure\'s alternating reasons into one link', () => {
    const d = detailAfter({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'hello' }, spec: { containers: [{ name: 'hello', image: 'helloimage' }] } }, 120)
    const chain = words('en')(d)
    expect(chain).toHaveLength(1)
    expect(chain[0]).toMatch(/^image trouble \(ErrImagePull → ImagePullBackOff\): /)
  })
})

describe('the lanes', () => {
  it('cover the container from its first change to now without gaps, with a restart mark per restart', () => {
    const tl = timeline(crash, ['busybox'])
    expect(tl.end).toBe(crash.now)
    const [lane] = tl.lanes
    expect(lane!.container).toBe('busybox')
    lane!.segments.forEach((s, i) => {
      expect(s.to).toBeGreaterThanOrEqual(s.from)
      if (i > 0) expect(s.from).toBe(lane!.segments[i - 1]!.to)
    })
    expect(lane!.segments.at(-1)).toMatchObject({ state: 'waiting', reason: 'CrashLoopBackOff', to: crash.now })
    expect(lane!.marks.filter((m) => m.kind === 'restart').map((m) => (m as { n: number }).n)).toEqual([1, 2, 3, 4, 5, 6])
    expect(tl.events.some((e) => e.reason === 'BackOff' && e.type === 'Warning')).toBe(true)
    expect(tl.start).toBeLessThanOrEqual(lane!.segments[0]!.from)
  })

  it('ends a liveness kill with its cause and exit code', () => {
    const ends = timeline(liveness).lanes[0]!.marks.filter((m) => m.kind === 'end')
    expect(ends[0]).toMatchObject({ cause: 'probe', exitCode: 137, reason: 'Error' })
  })
})
