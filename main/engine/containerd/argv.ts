// The process a container starts with, from its image and its spec, as containerd's CRI plugin builds it
// (WithProcessArgs, after moby's rules): `command` replaces the image's Entrypoint (and drops its Cmd), `args`
// replaces Cmd; an Entrypoint of [""] counts as none. The environment: HOSTNAME, then the image's, then the
// container's (a later value for the same name replaces the earlier in place).

import type { ImageConfig } from '../images/image-config'

/** argv of the container's PID 1, or undefined when neither the spec nor the image names a command. */
export function containerArgv(image: Pick<ImageConfig, 'entrypoint' | 'cmd'>, command: string[] | undefined, args: string[] | undefined): string[] | undefined {
  let cmd = command ?? []
  let rest = args ?? []
  if (cmd.length === 0) {
    if (rest.length === 0) rest = [...image.cmd]
    // CRI carries no difference between an empty and a missing list: both take the image's Entrypoint.
    if (!(image.entrypoint.length === 1 && image.entrypoint[0] === '')) cmd = [...image.entrypoint]
  }
  const argv = [...cmd, ...rest]
  return argv.length === 0 ? undefined : argv
}

/** The environment of the container's processes: HOSTNAME, the image's env, then the spec's, in that order. */
export function containerEnv(hostname: string, image: Pick<ImageConfig, 'env'>, env: Array<{ name: string; value: string }>): Record<string, string> {
  const out: Record<string, string> = { HOSTNAME: hostname }
  for (const [name, value] of Object.entries(image.env)) out[name] = value
  for (const e of env) out[e.name] = e.value
  return out
}
