import { describe, expect, it } from 'vitest'
import { createPodlabI18n } from '../../i18n'
import { cpuText, diagnosticText, forecastText, memoryText } from './hint-text'

const i18n = createPodlabI18n('en')
const t = i18n.global.t as unknown as (key: string, values?: Record<string, unknown>) => string

describe('check and preview words', () => {
  it('puts the hint under kubectl message: `metadate`, did you mean `metadata`?', () => {
    const text = diagnosticText(t, { document: 0, line: 3, severity: 'error', message: 'Error from server (BadRequest): x', hint: { code: 'didYouMean', field: 'metadate', suggestion: 'metadata' } })
    expect(text).toBe('Error from server (BadRequest): x\n\n→ Unknown field `metadate`: did you mean `metadata`?')
  })

  it('says the heredoc `-` starts a second container, in Korean too', () => {
    const d = { document: 0, line: 11, severity: 'error' as const, message: 'm', hint: { code: 'secondContainer' as const, key: 'containerPort' } }
    expect(diagnosticText(t, d)).toContain('This `-` starts a second container; indent it under ports:')
    i18n.global.locale.value = 'ko'
    expect(diagnosticText(t, d)).toContain('이 `-`는 두 번째 컨테이너를 시작합니다')
    i18n.global.locale.value = 'en'
  })

  it('words a missing image as the notes expect: they will stay in ImagePullBackOff', () => {
    const doc = { document: 0, line: 'deployment.apps/hello created', kind: 'Deployment', name: 'hello', pods: 3, restartPolicy: 'Always', containers: [] }
    const c = { name: 'hello', forecast: 'ImagePullBackOff' as const, image: { image: 'helloimage', verdict: 'missing' as const, reference: 'docker.io/library/helloimage:latest', message: 'x' } }
    expect(forecastText(t, doc, c)).toBe('image helloimage does not exist: they will stay in ImagePullBackOff.')
  })

  it('writes quantities as Kubernetes does', () => {
    expect([cpuText(500), cpuText(2000), memoryText(64 * 1024 * 1024), memoryText(2 * 1024 ** 3), memoryText(1000)]).toEqual(['500m', '2', '64Mi', '2Gi', '1000'])
  })
})
