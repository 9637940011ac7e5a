// What a started container's process does, so that the kubelet knows when (and how) it ends. The image's own
// process comes from the catalog (nginx serves; busybox's `sh` exits at once with nothing to read). A command
// is understood only in the forms tutorials start with: `sleep N...`, `sleep infinity`, `exit N`, `true`,
// `false`, alone or through `sh -c`; anything else runs as the image's default would. A fuller shell
// interpreter is the kubelet's next step. Their numbers are read as busybox reads them (../programs/busybox/numbers.ts).

import type { Container } from '../api/pods/types'
import { ashExit, busyboxSleep, SLEEP_FAILED } from '../programs/busybox/numbers'
import type { CatalogImage } from './image-catalog'

/** `afterMs`: whole ms after the start, possibly beyond any instant the cluster's clock can reach. */
export type ProcessRun = { kind: 'serves' } | { kind: 'exits'; afterMs: number; exitCode: number }

const SHELLS = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', 'ash', '/bin/ash'])

function fromWords(words: string[]): ProcessRun | undefined {
  const [cmd, ...args] = words
  switch (cmd) {
    case 'sleep':
    case '/bin/sleep': {
      const slept = busyboxSleep(args)
      if (slept === 'forever') return { kind: 'serves' }
      if (slept === 'invalid') return { kind: 'exits', afterMs: 0, exitCode: SLEEP_FAILED }
      // Whole milliseconds, rounded up: the process is never seen gone before its time.
      return { kind: 'exits', afterMs: Math.ceil(slept * 1000), exitCode: 0 }
    }
    case 'exit':
      return args.length <= 1 ? { kind: 'exits', afterMs: 0, exitCode: ashExit(args[0]) } : undefined
    case 'true':
      return args.length === 0 ? { kind: 'exits', afterMs: 0, exitCode: 0 } : undefined
    case 'false':
      return args.length === 0 ? { kind: 'exits', afterMs: 0, exitCode: 1 } : undefined
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
