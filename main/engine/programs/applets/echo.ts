// /bin/echo (busybox's applet and GNU's): -n drops the newline, -e reads backslash escapes, -E does not (the
// default); an argument that is not made only of those letters is printed as it is.

import type { Program } from '../../process/program'
import { type Invocation, oneShot } from '../kit'
import { unescape } from './escapes'

export const echo: Program<Invocation> = oneShot((inv, sys) => {
  const args = inv.argv.slice(1)
  let newline = true
  let escapes = false
  while (args.length > 0 && /^-[neE]+$/.test(args[0]!)) {
    for (const flag of args.shift()!.slice(1)) {
      if (flag === 'n') newline = false
      else escapes = flag === 'e'
    }
  }
  let text = args.join(' ')
  if (escapes) {
    const read = unescape(text, 'zero-prefixed')
    text = read.text
    if (read.stopped) newline = false
  }
  sys.write(1, newline ? `${text}\n` : text)
  return 0
})
