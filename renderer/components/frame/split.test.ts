import { describe, expect, it } from 'vitest'
import { clampFraction, fractionAt, fractionForKey, parseFraction } from './split'

describe('clampFraction', () => {
  it('keeps each pane at least minPx wide', () => {
    expect(clampFraction(0.05, 1000, 200)).toBe(0.2)
    expect(clampFraction(0.95, 1000, 200)).toBe(0.8)
    expect(clampFraction(0.5, 1000, 200)).toBe(0.5)
  })

  it('splits in the middle when the container is smaller than two minimums', () => {
    expect(clampFraction(0.1, 300, 200)).toBe(0.5)
  })

  it('a container not laid out yet only bounds the fraction to 0..1', () => {
    expect(clampFraction(1.4, 0, 200)).toBe(1)
    expect(clampFraction(-1, 0, 200)).toBe(0)
  })
})

describe('fractionAt', () => {
  it('is the pointer position within the container', () => {
    expect(fractionAt(350, 100, 1000)).toBe(0.25)
  })
})

describe('fractionForKey (WAI-ARIA window splitter)', () => {
  it.each([
    ['ArrowRight', 'columns', false, 0.52],
    ['ArrowLeft', 'columns', false, 0.48],
    ['ArrowDown', 'rows', false, 0.52],
    ['ArrowUp', 'rows', false, 0.48],
    ['ArrowRight', 'columns', true, 0.6],
    ['Home', 'rows', false, 0],
    ['End', 'columns', false, 1],
  ] as const)('%s on %s (shift %s) moves 0.5 to %s', (key, axis, shift, expected) => {
    expect(fractionForKey(key, shift, 0.5, axis)).toBeCloseTo(expected, 10)
  })

  it('ignores the other axis and other keys', () => {
    expect(fractionForKey('ArrowUp', false, 0.5, 'columns')).toBeNull()
    expect(fractionForKey('ArrowLeft', false, 0.5, 'rows')).toBeNull()
    expect(fractionForKey('a', false, 0.5, 'rows')).toBeNull()
  })
})

describe('parseFraction', () => {
  it('reads a saved fraction and refuses junk', () => {
    expect(parseFraction('0.3', 0.5)).toBe(0.3)
    expect(parseFraction(null, 0.5)).toBe(0.5)
    expect(parseFraction('abc', 0.5)).toBe(0.5)
    expect(parseFraction('1', 0.5)).toBe(0.5)
    expect(parseFraction('0', 0.5)).toBe(0.5)
  })
})
