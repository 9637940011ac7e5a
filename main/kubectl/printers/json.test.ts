// Checks toJson against real kubectl 1.32.5 `get pod x -o json` (main/kubectl/testdata/get-pod-json.golden,
// recorded by scripts/golden/run.mjs): 4-space indent, sorted keys, Go's \u003c \u003e \u0026 escapes.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { toJson } from './json'

const DATA = path.join(__dirname, '..', 'testdata')
const read = (f: string) => fs.readFileSync(path.join(DATA, f), 'utf8')

describe('toJson', () => {
  it('matches get pod x -o json', () => {
    const [pod] = JSON.parse(read('objects.json'))
    expect(toJson(pod)).toBe(read('get-pod-json.golden'))
  })
  it('escapes HTML characters and line separators as Go does', () => {
    expect(toJson({ b: '<a&b>', a: '\u2028' })).toBe('{\n    "a": "\\u2028",\n    "b": "\\u003ca\\u0026b\\u003e"\n}\n')
  })
  it('prints empty collections inline', () => {
    expect(toJson({ items: [], metadata: {} })).toBe('{\n    "items": [],\n    "metadata": {}\n}\n')
  })
})
