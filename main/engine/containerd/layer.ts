// A container's writable layer over its image's (overlayfs, as JSON): the image's entries stay shared, the
// container keeps only what it changed, added, or removed (a whiteout, null). `materialise` lays the diff over
// a private copy of the image's entries for a MemoryFs to work on; `diffOf` takes the changes back out.

import type { FsEntry, FsState } from '../process/memory-fs'
import type { LayerDiff } from './state'

/**
 * `lower` with `diff` applied, as a map of its own: a MemoryFs may add, replace and delete its paths freely. The
 * entries are shared with `lower` and `diff` (a MemoryFs replaces an entry, never changes one in place), so a
 * probe's look at nginx's index.html costs one copy of the path map, not of every file.
 */
export function materialise(lower: FsState, diff: LayerDiff): FsState {
  const out: FsState = { ...lower }
  for (const [path, entry] of Object.entries(diff)) {
    if (entry === null) delete out[path]
    else out[path] = entry
  }
  return out
}

/**
 * `lower` with `diff` applied, made only when needed: reads look the path up in `diff`, then in `lower`; the first
 * change or listing of the paths makes the map (materialise) and goes on with it. A probe's GET of nginx reads a
 * few paths of an image of thousands: copying the map for it cost ~0.2 ms a probe.
 */
export function overlay(lower: FsState, diff: LayerDiff): FsState {
  let merged: FsState | undefined
  const real = (): FsState => (merged ??= materialise(lower, diff))
  const read = (path: string): FsEntry | undefined => {
    if (merged) return Object.hasOwn(merged, path) ? merged[path] : undefined
    if (Object.hasOwn(diff, path)) return diff[path] ?? undefined
    return Object.hasOwn(lower, path) ? lower[path] : undefined
  }
  return new Proxy({} as FsState, {
    get: (_t, p) => (typeof p === 'string' ? read(p) : undefined),
    has: (_t, p) => typeof p === 'string' && read(p) !== undefined,
    set: (_t, p, value: FsEntry) => {
      real()[p as string] = value
      return true
    },
    deleteProperty: (_t, p) => {
      delete real()[p as string]
      return true
    },
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_t, p) => {
      const value = typeof p === 'string' ? read(p) : undefined
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true }
    },
  })
}

function sameEntry(a: FsEntry, b: FsEntry): boolean {
  return a.kind === b.kind && a.data === b.data && a.mode === b.mode && a.mtimeMs === b.mtimeMs && a.uid === b.uid && a.gid === b.gid && a.target === b.target
}

/** What `merged` changed relative to `lower`. */
export function diffOf(lower: FsState, merged: FsState): LayerDiff {
  const diff: LayerDiff = {}
  for (const [path, entry] of Object.entries(merged)) {
    const base = lower[path]
    if (!base || !sameEntry(base, entry)) diff[path] = entry
  }
  for (const path of Object.keys(lower)) if (!(path in merged)) diff[path] = null
  return diff
}
