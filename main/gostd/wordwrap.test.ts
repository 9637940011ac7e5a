import { describe, expect, it } from 'vitest'
import { wrapString } from './wordwrap'

describe('wrapString breaks lines as go-wordwrap WrapString does', () => {
  // go-wordwrap's wordwrap_test.go TestWrapString inputs, limit 4, as v1.0.1 (kubectl 1.32's) breaks them; the
  // explain goldens (cmd/explain/testdata) check it over the real descriptions against kubectl itself.
  it.each([
    ['foo', 'foo'],
    ['foobarbaz', 'foobarbaz'],
    ['foo bar baz', 'foo\nbar\nbaz'],
    ['foo\nb ar\nbaz', 'foo\nb ar\nbaz'],
    ['foo       \nb ar\nbaz', 'foo\nb ar\nbaz'],
    ['fo sop       \nb ar\n baz', 'fo\nsop\nb ar\n baz'],
  ])('%j', (input, output) => {
    expect(wrapString(input, 4)).toBe(output)
  })

  it('counts characters, not bytes: two 5-letter accented words fit a limit of 5 each', () => {
    expect(wrapString('héllo wörld', 5)).toBe('héllo\nwörld')
  })

  it('never breaks at a no-break space', () => {
    expect(wrapString('foo\u00a0bar baz', 4)).toBe('foo\u00a0bar\nbaz')
  })

  it('a limit of 0 leaves the text as it is (term.NewWordWrapWriter with no limit)', () => {
    expect(wrapString('foo bar baz', 0)).toBe('foo bar baz')
  })
})
