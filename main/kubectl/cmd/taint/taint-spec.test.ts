// kubectl pkg/cmd/taint/utils.go's parseTaints and reorganizeTaints, ported: cases after its taint_test.go.
import { describe, expect, it } from 'vitest'
import { alreadyThere, conflictingTaints, parseTaints, reorganizeTaints, taintString } from './taint-spec'

describe('parseTaints', () => {
  it('adds key=value:Effect and key:Effect, removes key- and key:Effect-', () => {
    expect(parseTaints(['a=1:NoSchedule', 'b:NoExecute', 'c-', 'd:PreferNoSchedule-'])).toEqual({
      add: [
        { key: 'a', value: '1', effect: 'NoSchedule' },
        { key: 'b', effect: 'NoExecute' },
      ],
      remove: [
        { key: 'c', effect: '' },
        { key: 'd', effect: 'PreferNoSchedule' },
      ],
    })
  })

  it.each([
    [
      'a=b',
      "invalid taint spec: a=b, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ],
    ['a:NoSchedule:', 'invalid taint spec: a:NoSchedule:'],
    ['a=b:Never', 'invalid taint effect: Never, unsupported taint effect'],
    ['a=b=c:NoSchedule', 'invalid taint spec: a=b=c:NoSchedule'],
    ['a:b:c', 'invalid taint spec: a:b:c'],
    [
      '-a=b:NoSchedule',
      "invalid taint spec: -a=b:NoSchedule, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ],
  ])('%s: %s', (spec, error) => {
    expect(parseTaints([spec])).toEqual({ error })
  })

  it('the same key and effect twice is refused with Go\'s %v of the taint', () => {
    expect(parseTaints(['a=1:NoSchedule', 'a=2:NoSchedule'])).toEqual({ error: 'duplicated taints with the same key and effect: {a 2 NoSchedule <nil>}' })
  })

  it('an added taint also removed is a conflict; a removal without effect covers every effect', () => {
    const changes = parseTaints(['a=1:NoSchedule', 'a-', 'b=1:NoExecute', 'b:NoSchedule-'])
    if ('error' in changes) throw new Error(changes.error)
    expect(conflictingTaints(changes)).toEqual(['a='])
  })
})

describe('reorganizeTaints', () => {
  const old = [
    { key: 'a', value: '1', effect: 'NoSchedule' },
    { key: 'b', effect: 'NoExecute' },
  ]

  it('an added taint comes first, the old ones after it: tainted', () => {
    expect(reorganizeTaints(old, false, { add: [{ key: 'c', effect: 'NoSchedule' }], remove: [] })).toEqual({
      operation: 'tainted',
      taints: [{ key: 'c', effect: 'NoSchedule' }, ...old],
      errors: [],
    })
  })

  it('removing by key takes every effect of it: untainted; a removal that matches nothing is an error', () => {
    expect(reorganizeTaints(old, false, { add: [], remove: [{ key: 'a', effect: '' }] })).toEqual({ operation: 'untainted', taints: [old[1]], errors: [] })
    expect(reorganizeTaints(old, false, { add: [], remove: [{ key: 'a', effect: 'NoExecute' }] }).errors).toEqual(['taint "a:NoExecute" not found'])
  })

  it('--overwrite of the same key and effect: modified, the new value replaces the old', () => {
    expect(reorganizeTaints(old, true, { add: [{ key: 'a', value: '2', effect: 'NoSchedule' }], remove: [] })).toEqual({
      operation: 'modified',
      taints: [{ key: 'a', value: '2', effect: 'NoSchedule' }, old[1]],
      errors: [],
    })
  })

  it('alreadyThere names the keys that already have that effect', () => {
    expect(alreadyThere(old, [{ key: 'a', effect: 'NoSchedule' }, { key: 'b', effect: 'NoSchedule' }])).toBe('a')
  })

  it('taintString is core/v1 Taint.ToString', () => {
    expect([{ key: 'k' }, { key: 'k', value: 'v' }, { key: 'k', effect: 'NoSchedule' }, { key: 'k', value: 'v', effect: 'NoSchedule' }].map((t) => taintString({ effect: '', ...t }))).toEqual([
      'k',
      'k=v:',
      'k:NoSchedule',
      'k=v:NoSchedule',
    ])
  })
})
