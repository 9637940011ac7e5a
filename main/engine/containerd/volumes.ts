// The pod's volumes as a container mounts them: an emptyDir is one directory tree kept in the sandbox record
// and shared by every container that mounts it; a `files` volume (configMap, secret, downwardAPI, projected)
// is laid out as the kubelet's AtomicWriter lays it out (the files in a `..<timestamp>` directory, `..data`
// pointing at it, and each top-level name a symlink through `..data`) and is always read-only, as Kubernetes
// mounts those volume types; hostPath has no node disk to reach yet and is an empty writable directory per pod.

import { MemoryFs, type FsState } from '../process/memory-fs'
import type { FileSystem } from '../process/program'
import type { MountedFs } from './container-fs'
import { resolvePath } from '../process/memory-fs'
import type { VolumeSource } from './runtime-service'
import type { ContainerRecord, SandboxRecord } from './state'
import { SubtreeFs } from './subtree-fs'

/** The AtomicWriter's data directory name for a volume written at `startedAt` (ms): `..2025_01_01_00_00_05.000000000`. */
function dataDirName(startedAt: number): string {
  const iso = new Date(startedAt).toISOString()
  return `..${iso.slice(0, 19).replace(/[-T:]/g, '_')}.${iso.slice(20, 23)}000000`
}

/** A files volume's tree at `startedAt` (ms), with file `mode` (0644 by default). */
export function filesVolume(files: Record<string, string>, mode: number, startedAt: number): FsState {
  const state: FsState = {}
  const data = dataDirName(startedAt)
  const dir = (path: string) => (state[path] ??= { kind: 'dir', mode: 0o755, mtimeMs: startedAt, uid: 0, gid: 0 })
  dir('/')
  dir(`/${data}`)
  state['/..data'] = { kind: 'symlink', target: data, mode: 0o777, mtimeMs: startedAt, uid: 0, gid: 0 }
  for (const [rel, text] of Object.entries(files)) {
    const path = resolvePath('/', rel)
    const parts = path.split('/').filter(Boolean)
    let at = `/${data}`
    for (const part of parts.slice(0, -1)) dir((at = `${at}/${part}`))
    state[`/${data}${path}`] = { kind: 'file', data: text, mode, mtimeMs: startedAt, uid: 0, gid: 0 }
    const top = parts[0]!
    state[`/${top}`] ??= { kind: 'symlink', target: `..data/${top}`, mode: 0o777, mtimeMs: startedAt, uid: 0, gid: 0 }
  }
  return state
}

function volumeFs(volume: VolumeSource, readOnly: boolean, c: ContainerRecord, sandbox: SandboxRecord, now: () => number): FileSystem {
  switch (volume.kind) {
    case 'emptyDir':
      return new MemoryFs((sandbox.emptyDirs[volume.name] ??= {}), now, readOnly)
    case 'hostPath':
      return new MemoryFs((sandbox.emptyDirs[`hostPath:${volume.path}`] ??= {}), now, readOnly)
    case 'files':
      return new MemoryFs(filesVolume(volume.files, volume.mode ?? 0o644, c.startedAt), now, true)
  }
}

/** The container's mounts, each as a filesystem at its path. */
export function mountedVolumes(c: ContainerRecord, sandbox: SandboxRecord, now: () => number): MountedFs[] {
  return c.mounts.map((m) => {
    const fs = volumeFs(m.volume, m.readOnly, c, sandbox, now)
    if (!m.subPath) return { path: resolvePath('/', m.containerPath), fs }
    const sub = resolvePath('/', m.subPath)
    // The kubelet creates a missing subPath directory in the volume before mounting it.
    if (fs.stat(sub) === 'ENOENT') fs.mkdir(sub, { parents: true })
    return { path: resolvePath('/', m.containerPath), fs: new SubtreeFs(fs, sub) }
  })
}
