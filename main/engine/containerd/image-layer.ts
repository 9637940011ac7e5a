// The read-only lower layer of a container's filesystem: the directories every Linux image has, the image's
// own files, and its executables as files (mode 0755) at the paths its `binaries` name. Built once per image
// config and kept in memory: containers never write to it (their changes go to their own layer, ./layer.ts).

import type { ImageConfig } from '../images/image-config'
import type { FsEntry, FsState } from '../process/memory-fs'

/** Directories of a root filesystem, with their modes (/tmp is world-writable and sticky). */
const BASE_DIRS: Record<string, number> = {
  '/': 0o755,
  '/bin': 0o755,
  '/dev': 0o755,
  '/etc': 0o755,
  '/home': 0o755,
  '/proc': 0o555,
  '/root': 0o700,
  '/run': 0o755,
  '/sys': 0o555,
  '/tmp': 0o1777,
  '/usr': 0o755,
  '/usr/bin': 0o755,
  '/usr/local': 0o755,
  '/usr/local/bin': 0o755,
  '/usr/sbin': 0o755,
  '/sbin': 0o755,
  '/var': 0o755,
  '/var/log': 0o755,
}

const dir = (mode: number): FsEntry => ({ kind: 'dir', mode, mtimeMs: 0, uid: 0, gid: 0 })

function addParents(state: FsState, path: string): void {
  const parts = path.split('/').filter(Boolean)
  let at = ''
  for (const part of parts.slice(0, -1)) {
    at += `/${part}`
    state[at] ??= dir(0o755)
  }
}

const cache = new Map<string, FsState>()
const CACHE_LIMIT = 256

/** The lower layer of `image` (the same object for the same `key`: callers must not change it). */
export function imageLayer(key: string, image: Pick<ImageConfig, 'binaries' | 'files'>): FsState {
  const cached = cache.get(key)
  if (cached) return cached
  const state: FsState = {}
  for (const [path, mode] of Object.entries(BASE_DIRS)) state[path] = dir(mode)
  for (const [path, data] of Object.entries(image.files)) {
    addParents(state, path)
    state[path] = { kind: 'file', data, mode: 0o644, mtimeMs: 0, uid: 0, gid: 0 }
  }
  for (const path of Object.keys(image.binaries)) {
    addParents(state, path)
    state[path] = { kind: 'file', data: '', mode: 0o755, mtimeMs: 0, uid: 0, gid: 0 }
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  cache.set(key, state)
  return state
}
