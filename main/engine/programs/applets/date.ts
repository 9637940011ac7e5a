// date [-u] [-R] [-I] [+FORMAT]: the virtual clock in UTC. Both busybox and GNU print `Tue Dec  1 02:44:48 UTC
// 2026` by default (busybox's "%a %b %e %H:%M:%S %Z %Y"). Any other operand (setting the clock, -d) is not
// simulated: it is refused as busybox and GNU refuse a date they cannot read (`date: invalid date 'x'`).

import type { Program } from '../../process/program'
import { complain, type Flavour, type Invocation, oneShot, say } from '../kit'
import { strftime } from '../strftime'

export function dateProgram(_flavour: Flavour): Program<Invocation> {
  return oneShot((inv, sys) => {
    let format = '%a %b %e %H:%M:%S %Z %Y'
    for (const arg of inv.argv.slice(1)) {
      if (arg.startsWith('+')) format = arg.slice(1)
      else if (arg === '-R' || arg === '--rfc-2822' || arg === '--rfc-email') format = '%a, %d %b %Y %H:%M:%S %z'
      else if (arg === '-I' || arg === '--iso-8601') format = '%Y-%m-%d'
      else if (arg === '-u' || arg === '--utc') continue
      else {
        complain(sys, `date: invalid date '${arg}'`)
        return 1
      }
    }
    say(sys, strftime(format, sys.now()))
    return 0
  })
}
