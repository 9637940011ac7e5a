// fmt.Sprint and fmt.Sprintf as Go prints JSON values (checked against kubectl 1.32's go-template printf).
import { describe, expect, it } from 'vitest'
import { GoFloat, goSprint, goSprintf } from './sprintf'

describe('goSprintf', () => {
  it.each([
    ['%s-%d-%v-%q', ['ConfigMap', 3, { a: '1', b: '2' }, 'ConfigMap'], 'ConfigMap-3-map[a:1 b:2]-"ConfigMap"'],
    ['%d|%5s|%-4s|%.2f|%x|%t', ['ConfigMap', 'ConfigMap', 'a', 1.5, 'hi', true], '%!d(string=ConfigMap)|ConfigMap|a   |1.50|6869|true'],
    ['%05d|%+d|%-6v|', [42, 7, 'Pod'], '00042|+7|Pod   |'],
    ['%s %s', ['a'], 'a %!s(MISSING)'],
    ['%v', [new GoFloat(1)], '1'],
    ['%v', [1000000.5], '1.0000005e+06'],
    ['100%%', [], '100%'],
    // A tie rounds to even, as strconv does (kubectl 1.32: {{printf "%.1f" 2.25}} is 2.2); 2.35 is no tie in binary.
    ['%.1f %.1f %.1f %.0f', [2.25, 2.35, 2.75, 0.5], '2.2 2.4 2.8 0'],
    // %T names the Go type (kubectl 1.32: {{printf "%T %T %T" .kind .metadata true}}; explain's templates ask it).
    ['%T %T %T %T', ['x', { a: 1 }, true, null], 'string map[string]interface {} bool <nil>'],
  ])('%s', (format, args, want) => {
    expect(goSprintf(format, args)).toBe(want)
  })
})

describe('goSprint', () => {
  it('puts a space between operands when neither is a string', () => {
    expect(goSprint([1, 2, 'a', 'b', 3])).toBe('1 2ab3')
  })
  it('prints nil as <nil> and slices as [a b]', () => {
    expect(goSprint([null, ['a', 'b']])).toBe('<nil> [a b]')
  })
})
