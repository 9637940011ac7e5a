// The base userlands images are built on, each once: the executables and /etc files an image inherits from
// `FROM busybox`, `FROM alpine:3.x`, `FROM debian:*-slim`, `FROM ubuntu`, buildpack-deps, distroless or scratch.

import { alpineBinaries, busyboxImageBinaries } from '../binaries/busybox-layouts'
import { buildpackDepsTools, gnuUserland } from '../binaries/gnu-userland'
import { OS_RELEASE, passwdFile, type PasswdBase, type Release } from '../files/etc-files'

/** The PATH of nearly every Linux image (Docker's default). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

export type BaseKind =
  | 'busybox'
  | 'alpine'
  /** debian:*-slim and debian:*: no procps. */
  | 'debian'
  /** ubuntu:*: procps. */
  | 'ubuntu'
  /** buildpack-deps (under the python, node and perl default tags): procps, curl, wget, git. */
  | 'buildpack-deps'
  /** fedora, oraclelinux: bash is /bin/sh, no procps in the minimal images. */
  | 'rpm'
  /** gcr.io/distroless: /etc files, no shell, no executables. */
  | 'distroless'
  /** FROM scratch: nothing but what the image adds. */
  | 'scratch'

export interface Base {
  kind: BaseKind
  /** /etc/os-release source; none for busybox and scratch. */
  release?: Release
}

export interface Userland {
  binaries: Record<string, string>
  files: Record<string, string>
}

const PASSWD_OF: Record<BaseKind, PasswdBase | undefined> = {
  busybox: 'busybox',
  alpine: 'alpine',
  debian: 'debian',
  ubuntu: 'debian',
  'buildpack-deps': 'debian',
  rpm: 'debian',
  distroless: 'distroless',
  scratch: undefined,
}

function binariesOf(kind: BaseKind): Record<string, string> {
  switch (kind) {
    case 'busybox':
      return busyboxImageBinaries()
    case 'alpine':
      return alpineBinaries()
    case 'debian':
      return gnuUserland({ procps: false })
    case 'ubuntu':
      return gnuUserland({ procps: true })
    case 'buildpack-deps':
      return { ...gnuUserland({ procps: true }), ...buildpackDepsTools() }
    case 'rpm': {
      const bins = gnuUserland({ procps: false })
      for (const path of ['/bin/sh', '/usr/bin/sh']) bins[path] = 'sh:bash'
      for (const path of ['/bin/dash', '/usr/bin/dash']) delete bins[path]
      return bins
    }
    case 'distroless':
    case 'scratch':
      return {}
  }
}

const cache = new Map<string, Userland>()

/** What `FROM <base>` gives an image; `users` are passwd lines the image adds. Shared, do not mutate. */
export function userland(base: Base, users: string[] = []): Userland {
  const key = `${base.kind}|${base.release ?? ''}|${users.join('\n')}`
  let u = cache.get(key)
  if (!u) {
    const passwd = PASSWD_OF[base.kind]
    u = {
      binaries: binariesOf(base.kind),
      files: {
        ...(base.release ? { '/etc/os-release': OS_RELEASE[base.release] } : {}),
        ...(passwd ? passwdFile(passwd, users) : {}),
      },
    }
    cache.set(key, u)
  }
  return u
}
