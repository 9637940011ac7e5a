import { describe, expect, it } from 'vitest'
import en from './en'
import ko from './ko'
import { createPodlabI18n, initialLocale, localeFromLanguage } from './index'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix]
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return Object.values(value as Record<string, unknown>).flatMap(leaves)
}

describe('locale choice', () => {
  it.each([
    ['ko', 'ko'],
    ['ko-KR', 'ko'],
    ['ko_KR', 'ko'],
    ['KO-kr', 'ko'],
    ['kok', 'en'],
    ['en-US', 'en'],
    ['ja-JP', 'en'],
    [undefined, 'en'],
  ] as const)('navigator.language %s -> %s', (language, locale) => {
    expect(localeFromLanguage(language)).toBe(locale)
  })

  it('a saved choice wins over the system language; junk does not', () => {
    expect(initialLocale('en', 'ko-KR')).toBe('en')
    expect(initialLocale('fr', 'ko-KR')).toBe('ko')
    expect(initialLocale(null, 'en-GB')).toBe('en')
  })
})

describe('messages', () => {
  it('Korean has every English key and nothing else', () => {
    expect(keys(ko).sort()).toEqual(keys(en).sort())
  })

  it('every Korean string is filled in', () => {
    for (const text of leaves(ko)) expect(text.trim()).not.toBe('')
  })

  it('no message uses vue-i18n syntax by accident (@ links, | plurals)', () => {
    for (const text of [...leaves(en), ...leaves(ko)]) expect(text).not.toMatch(/[@|]/)
  })

  it('renders with interpolation in both languages (composition mode, no eval)', () => {
    const i18n = createPodlabI18n('ko')
    expect(i18n.mode).toBe('composition')
    expect(i18n.global.t('pods.error', { message: 'boom' })).toBe('Pod 목록을 가져오지 못했습니다: boom')
    i18n.global.locale.value = 'en'
    expect(i18n.global.t('pods.error', { message: 'boom' })).toBe('Could not list pods: boom')
  })
})
