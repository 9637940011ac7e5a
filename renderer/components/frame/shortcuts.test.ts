import { describe, expect, it } from 'vitest'
import { actionFor, isTextTarget, SHEET, VIEWS, type KeyPress } from './shortcuts'
import en from '../../i18n/en'

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: /^[0-9]$/.test(key) ? `Digit${key}` : '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  inText: false,
  ...more,
})

describe('actionFor', () => {
  it('digits 1..5 go to the views in the order of the navigation', () => {
    expect(VIEWS.map((_, i) => actionFor(press(String(i + 1))))).toEqual(VIEWS.map((view) => ({ type: 'view', view })))
    expect(actionFor(press('6'))).toBeNull()
  })

  it('plain keys are the learner\'s typing inside a text field', () => {
    for (const key of ['1', '?', 't', '+', '-', '0', 'p', '`']) expect(actionFor(press(key, { inText: true }))).toBeNull()
  })

  it('Alt+digit goes to a view from anywhere, by the physical key (Alt+1 types ¡ on a Mac)', () => {
    expect(actionFor(press('¡', { code: 'Digit1', altKey: true, inText: true }))).toEqual({ type: 'view', view: 'cluster' })
    expect(actionFor(press('5', { code: 'Digit5', altKey: true }))).toEqual({ type: 'view', view: 'console' })
    expect(actionFor(press('x', { code: 'KeyX', altKey: true }))).toBeNull()
  })

  it('leaves Ctrl and Meta combinations to the browser, the editor and the terminal', () => {
    expect(actionFor(press('1', { ctrlKey: true }))).toBeNull()
    expect(actionFor(press('t', { metaKey: true }))).toBeNull()
  })

  it('maps the sheet\'s single keys', () => {
    expect(actionFor(press('?'))).toEqual({ type: 'help' })
    expect(actionFor(press('t'))).toEqual({ type: 'theme' })
    expect(actionFor(press('+'))).toEqual({ type: 'zoom', by: 1 })
    expect(actionFor(press('='))).toEqual({ type: 'zoom', by: 1 })
    expect(actionFor(press('-'))).toEqual({ type: 'zoom', by: -1 })
    expect(actionFor(press('0'))).toEqual({ type: 'zoom', by: 0 })
    expect(actionFor(press('p'))).toEqual({ type: 'clock' })
    expect(actionFor(press('`'))).toEqual({ type: 'console' })
    expect(actionFor(press('x'))).toBeNull()
  })
})

describe('isTextTarget', () => {
  it('sees inputs, textareas (xterm\'s) and contenteditables (CodeMirror\'s) anywhere on the path', () => {
    const div = { tagName: 'DIV', isContentEditable: false }
    expect(isTextTarget([{ tagName: 'TEXTAREA' } as never, div as never])).toBe(true)
    expect(isTextTarget([{ tagName: 'DIV', isContentEditable: true } as never])).toBe(true)
    expect(isTextTarget([{ tagName: 'INPUT' } as never])).toBe(true)
    expect(isTextTarget([div as never, { tagName: 'BODY' } as never, {} as never])).toBe(false)
  })
})

describe('the step shortcut (issue 11 item 8)', () => {
  it('n steps the clock to the next event outside text fields, and is typing inside them', () => {
    const press = { key: 'n', code: 'KeyN', altKey: false, ctrlKey: false, metaKey: false }
    expect(actionFor({ ...press, inText: false })).toEqual({ type: 'step' })
    expect(actionFor({ ...press, inText: true })).toBeNull()
    expect(SHEET.some((line) => line.keys.includes('n') && line.what === 'actions.shortcutStep')).toBe(true)
  })
})

describe('the ? sheet', () => {
  it('names an English message for every line', () => {
    // A line's message may live in a later item's block (actions.shortcutStep): follow the whole path.
    const message = (path: string): unknown => path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], en)
    for (const line of SHEET) expect(typeof message(line.what), line.what).toBe('string')
  })
})
