// `-f DIR` without -R (visitor.go ExpandPathsToFileVisitors): the directory's own .json/.yaml/.yml files in byte
// order, subdirectories and other files skipped; a directory with none stops everything with kubectl 1.32's
// words (checked by hand against kubectl.1.32: `error: error reading [emptyd]: recognized file extensions are
// [.json .yaml .yml]`, exit 1).

import { describe, expect, it } from 'vitest'
import { readSources } from './builder'
import { fakeEngine } from '../testing/fake-engine'
import type { KubectlIO } from '../io'

const FILES: Record<string, string> = { 'dd/b.yaml': 'b', 'dd/a.yml': 'a', 'dd/Z.json': 'z', 'one.yaml': 'one' }
const DIRS: Record<string, string[]> = { dd: ['b.yaml', 'c.txt', 'a.yml', 'Z.json'], emptyd: ['notes.md'] }

const io: KubectlIO = {
  engine: fakeEngine({ objects: [] }),
  readFile: (p) => {
    if (!(p in FILES)) throw new Error('ENOENT')
    return FILES[p]!
  },
  readStdin: () => '',
  listDirectory: (p) => DIRS[p.replace(/\/+$/, '')],
}

describe('kubectl -f DIR', () => {
  it('reads the directory\'s manifest files in byte order, named DIR/FILE, skipping other extensions', () => {
    expect(readSources(io, ['dd/'])).toEqual({ sources: [{ name: 'dd/Z.json', text: 'z' }, { name: 'dd/a.yml', text: 'a' }, { name: 'dd/b.yaml', text: 'b' }] })
    expect(readSources(io, ['one.yaml', 'dd'])).toMatchObject({ sources: [{ name: 'one.yaml' }, { name: 'dd/Z.json' }, { name: 'dd/a.yml' }, { name: 'dd/b.yaml' }] })
  })

  it('stops at a directory without one, before reading anything', () => {
    expect(readSources(io, ['dd', 'emptyd'])).toEqual({ error: 'error: error reading [emptyd]: recognized file extensions are [.json .yaml .yml]\n' })
  })

  it('still says a missing path does not exist, and a host without files reads -f DIR as a file', () => {
    expect(readSources(io, ['nope'])).toEqual({ error: 'error: the path "nope" does not exist\n' })
    expect(readSources({ ...io, listDirectory: undefined }, ['dd'])).toEqual({ error: 'error: the path "dd" does not exist\n' })
  })
})
