// What a started container's process does, so that the kubelet knows when (and how) it ends. The image's own
// process comes from the catalog (nginx serves; busybox's `sh` exits at once with nothing to read). A command
// is understood only in the forms tutorials start with: `sleep N`, `sleep infinity`, `exit N`, `true`,
// `false`, alone or through `sh -c`; anything else runs as the image's default would. A fuller shell
// interpreter is the kubelet's next step.

import type { Container } from '../api/pods/types'
import type { CatalogImage } from './image-catalog'

export type ProcessRun = { kind: 'serves' } | { kind: 'exits'; afterMs: number; exitCode: number }

const SHELLS = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', 'ash', '/bin/ash'])

function fromWords(words: string[]): ProcessRun | undefined {
  const [cmd, arg, ...rest] = words
  if (rest.length > 0) return undefined
  switch (cmd) {
    case 'sleep':
    case '/bin/sleep':
      if (arg === 'infinity') return { kind: 'serves' }
      if (arg !== undefined && /^\d+(\.\d+)?$/.test(arg)) return { kind: 'exits', afterMs: Number(arg) * 1000, exitCode: 0 }
      return undefined
    case 'exit':
      return arg === undefined || /^\d+$/.test(arg) ? { kind: 'exits', afterMs: 0, exitCode: Number(arg ?? 0) % 256 } : undefined
    case 'true':
      return arg === undefined ? { kind: 'exits', afterMs: 0, exitCode: 0 } : undefined
    case 'false':
      return arg === undefined ? { kind: 'exits', afterMs: 0, exitCode: 1 } : undefined
    default:
      return undefined
  }
}

export function processRun(container: Container, image: CatalogImage | undefined): ProcessRun {
  const byDefault: ProcessRun = image?.process ?? { kind: 'serves' }
  const words = [...(container.command ?? []), ...(container.args ?? [])]
  if (words.length === 0) return byDefault
  const [first, flag, script, ...more] = words
  if (first !== undefined && SHELLS.has(first) && flag === '-c' && script !== undefined && more.length === 0) {
    return fromWords(script.trim().split(/\s+/)) ?? byDefault
  }
  return fromWords(words) ?? byDefault
}
