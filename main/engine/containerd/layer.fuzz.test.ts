// A container's writable layer as a diff over its image: whatever a MemoryFs does to the merged tree, the diff
// taken out and laid over the same image gives that tree back, and the image's own entries are never changed.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MemoryFs, type FsState } from '../process/memory-fs'
import { fuzzRuns } from '../testing/fuzz'
import { diffOf, materialise, overlay } from './layer'

const names = fc.constantFrom('/tmp', '/etc', '/etc/os-release', '/tmp/a', '/tmp/b', '/bin/sh', '/data', '/data/x')
const op = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), path: names, text: fc.string({ maxLength: 5 }) }),
  fc.record({ kind: fc.constant('mkdir' as const), path: names }),
  fc.record({ kind: fc.constant('unlink' as const), path: names }),
  fc.record({ kind: fc.constant('rmdir' as const), path: names }),
  fc.record({ kind: fc.constant('chmod' as const), path: names, mode: fc.integer({ min: 0, max: 0o777 }) }),
  fc.record({ kind: fc.constant('rename' as const), path: names, to: names }),
)

function image(): FsState {
  const e = (kind: 'dir' | 'file', data?: string) => ({ kind, mode: kind === 'dir' ? 0o755 : 0o644, mtimeMs: 0, uid: 0, gid: 0, ...(data === undefined ? {} : { data }) })
  return { '/': e('dir'), '/tmp': e('dir'), '/etc': e('dir'), '/etc/os-release': e('file', 'NAME=x\n'), '/bin': e('dir'), '/bin/sh': e('file', '') }
}

describe('the writable layer (fuzz)', () => {
  it('materialise(image, diffOf(image, tree)) is the tree, whatever was done to it; the image stays as it was', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const lower = image()
        const pristine = structuredClone(lower)
        const fs = new MemoryFs(materialise(lower, {}), () => 5)
        for (const o of ops) {
          if (o.kind === 'write') fs.writeFile(o.path, o.text)
          else if (o.kind === 'mkdir') fs.mkdir(o.path)
          else if (o.kind === 'unlink') fs.unlink(o.path)
          else if (o.kind === 'rmdir') fs.rmdir(o.path, { recursive: true })
          else if (o.kind === 'chmod') fs.chmod(o.path, o.mode)
          else fs.rename(o.path, o.to)
        }
        expect(materialise(lower, diffOf(lower, fs.state))).toEqual(fs.state)
        expect(lower).toEqual(pristine)
      }),
      { numRuns: fuzzRuns(300) },
    )
  })

  it('a MemoryFs over overlay(image, diff) ends as one over materialise(image, diff), whatever is done; the image and the diff stay as they were', () => {
    const apply = (fs: MemoryFs, ops: Array<{ kind: string; path: string; text?: string; mode?: number; to?: string }>) => {
      for (const o of ops) {
        if (o.kind === 'write') fs.writeFile(o.path, o.text ?? '')
        else if (o.kind === 'mkdir') fs.mkdir(o.path)
        else if (o.kind === 'unlink') fs.unlink(o.path)
        else if (o.kind === 'rmdir') fs.rmdir(o.path, { recursive: true })
        else if (o.kind === 'chmod') fs.chmod(o.path, o.mode ?? 0)
        else fs.rename(o.path, o.to ?? '/')
      }
      return { readdir: fs.readdir('/'), etc: fs.readdir('/etc'), tmp: fs.readdir('/tmp'), data: fs.stat('/data'), release: fs.readFile('/etc/os-release') }
    }
    fc.assert(
      fc.property(fc.array(op, { maxLength: 6 }), fc.array(op, { maxLength: 12 }), (before, ops) => {
        const lower = image()
        const pristine = structuredClone(lower)
        const earlier = new MemoryFs(materialise(lower, {}), () => 1)
        apply(earlier, before)
        const diff = diffOf(lower, earlier.state)
        const savedDiff = structuredClone(diff)
        const copied = new MemoryFs(materialise(lower, diff), () => 5)
        const layered = new MemoryFs(overlay(lower, diff), () => 5)
        expect(apply(layered, ops)).toEqual(apply(copied, ops))
        expect(diffOf(lower, layered.state)).toEqual(diffOf(lower, copied.state))
        expect(lower).toEqual(pristine)
        expect(diff).toEqual(savedDiff)
      }),
      { numRuns: fuzzRuns(300) },
    )
  })
})
