// The shells a container can run, by program id: busybox ash (busybox, alpine), dash (Debian's and Ubuntu's
// /bin/sh) and bash. The programs table (programs/index.ts) spreads these in.

import type { Program } from '../process/program'
import { shellProgram } from './program'

export const SHELL_PROGRAMS: Record<string, Program<any>> = {
  'sh:busybox': shellProgram('busybox'),
  'sh:dash': shellProgram('dash'),
  'sh:bash': shellProgram('bash'),
}
