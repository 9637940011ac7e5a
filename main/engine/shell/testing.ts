// Test helpers for the shells: a FakeKernel with the three shells at /bin/sh (busybox or dash) and /bin/bash,
// and the toy commands. Test-only.

import { FakeKernel } from '../process/testing/fake-kernel'
import { TOY_BINARIES, TOY_FILES, TOY_PROGRAMS } from '../process/testing/toy-programs'
import { SHELL_PROGRAMS } from './index'
import type { Flavour } from './state'

export function shellKernel(flavour: Flavour, options: { nowMs?: number } = {}): FakeKernel {
  const sh = `sh:${flavour}`
  return new FakeKernel({
    programs: { ...TOY_PROGRAMS, ...SHELL_PROGRAMS },
    binaries: { ...TOY_BINARIES, '/bin/sh': flavour === 'bash' ? 'sh:dash' : sh, '/bin/bash': 'sh:bash' },
    files: TOY_FILES,
    hostname: 'mypod',
    nowMs: options.nowMs ?? 0,
  })
}

/** Runs `sh -c SCRIPT` (or `bash -c`) as PID 1 to its end (at most `maxMs` virtual ms); its log and status. */
export function runScript(flavour: Flavour, script: string, maxMs = 60_000): { out: string; err: string; status: unknown } {
  const k = shellKernel(flavour)
  k.start([flavour === 'bash' ? 'bash' : 'sh', '-c', script])
  k.advance(maxMs)
  return { out: k.logText('stdout'), err: k.logText('stderr'), status: k.status(1) }
}
