// true and false as binaries (/bin/true, /bin/false): they ignore their arguments.

import type { Program } from '../../process/program'
import { type Invocation, oneShot } from '../kit'

export const trueProgram: Program<Invocation> = oneShot(() => 0)
export const falseProgram: Program<Invocation> = oneShot(() => 1)
