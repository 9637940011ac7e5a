// A container's writable layer over its image's (overlayfs, as JSON): the image's entries stay shared, the
// container keeps only what it changed, added, or removed (a whiteout, null). `materialise` lays the diff over
// a private copy of the image's entries for a MemoryFs to work on; `diffOf` takes the changes back out.

import type { FsEntry, FsState } from '../process/memory-fs'
import type { LayerDiff } from './state'

/** A private copy of `lower` with `diff` applied: a MemoryFs may change it freely. */
export function materialise(lower: FsState, diff: LayerDiff): FsState {
  const out: FsState = {}
  for (const [path, entry] of Object.entries(lower)) out[path] = { ...entry }
  for (const [path, entry] of Object.entries(diff)) {
    if (entry === null) delete out[path]
    else out[path] = { ...entry }
  }
  return out
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
