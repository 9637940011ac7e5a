// Checks toJson against real kubectl 1.32.5 `get pod x -o json` (main/kubectl/testdata/get-pod-json.golden,
// recorded by scripts/golden/run.mjs): 4-space indent, sorted keys, Go's \u003c \u003e \u0026 escapes.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { toJson, toJsonLine } from './json'

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
  it('sorts keys as Go does even when they look like integers (JS objects put those first)', () => {
    const labels = { a: '1', '9': '2', '10': '3', '10x': '4', '2': '5' }
    expect(toJsonLine({ labels })).toBe('{"labels":{"10":"3","10x":"4","2":"5","9":"2","a":"1"}}\n')
    expect(toJson({ '9': 1, '10': 2 })).toBe('{\n    "10": 2,\n    "9": 1\n}\n')
  })
  it('sorts keys by UTF-8 bytes, as Go compares strings', () => {
    expect(toJsonLine({ '\u{1F600}': 1, '\uFF21': 2 })).toBe('{"\uFF21":2,"\u{1F600}":1}\n')
  })
})
