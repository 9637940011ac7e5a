// vue-i18n in composition mode. The first language is the one the learner chose before (kept in
// localStorage), else the system's: any `ko*` locale gets Korean, everything else English.

import { createI18n } from 'vue-i18n'
import en, { type MessageSchema } from './en'
import ko from './ko'

export const LOCALES = ['en', 'ko'] as const
export type Locale = (typeof LOCALES)[number]

/** Each language in its own words, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' }

const STORAGE_KEY = 'podlab.locale'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** `ko`, `ko-KR`, `ko_KR` -> ko; anything else (`kok` is Konkani) -> en. */
export function localeFromLanguage(language: string | undefined): Locale {
  return language && /^ko($|[-_])/i.test(language) ? 'ko' : 'en'
}

export function initialLocale(saved: string | null, language: string | undefined): Locale {
  return isLocale(saved) ? saved : localeFromLanguage(language)
}

function readSaved(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null
  } catch {
    return null
  }
}

export function saveLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  } catch {
    // Storage can be unavailable (private mode, file://); the choice then lasts for this page only.
  }
}

export function createPodlabI18n(locale: Locale = initialLocale(readSaved(), globalThis.navigator?.language)) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, ko },
  })
}
