// What an image is, as the simulated registry and runtime need it: its OCI config (entrypoint, cmd, env, user,
// ports, stop signal), the executables and files it ships, and how much memory and CPU its default process
// uses. The catalog (./catalog) holds these as data, KWOK style; the runtime (containerd/) reads them.

import type { Signal } from '../process/signals'

export interface ImageConfig {
  /** OCI config Entrypoint and Cmd: a container's `command` replaces Entrypoint (and drops Cmd); `args` replaces Cmd. */
  entrypoint: string[]
  cmd: string[]
  /** The image's own environment (PATH first); the container's env is laid over it. */
  env: Record<string, string>
  /** '' means `/`. */
  workingDir: string
  /** '' means root. */
  user: string
  /** EXPOSE: documentation only (a port is open when a process listens on it). */
  exposedPorts: number[]
  /** STOPSIGNAL; SIGTERM when the image sets none (nginx: SIGQUIT, httpd: SIGWINCH, postgres: SIGINT). */
  stopSignal: Signal
  /**
   * Every executable the image has: absolute path -> program id (`sh:busybox`, `busybox:sleep`, `nginx`).
   * A path missing here is not on the image: running it fails as execvp does (ENOENT).
   */
  binaries: Record<string, string>
  /** Other files the image ships (/etc/os-release, /usr/share/nginx/html/index.html): path -> content. */
  files: Record<string, string>
}

/** The default process's use of the machine when it runs idle (bytes, millicores). */
export interface ResourceProfile {
  memoryBytes: number
  cpuMillicores: number
}
