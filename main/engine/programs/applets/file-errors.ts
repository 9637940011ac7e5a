// The words each flavour puts around a failed file operation: busybox's `cat: can't open '/x': No such file
// or directory`, GNU's `cat: /x: No such file or directory` or `rm: cannot remove '/x': ...`.

import type { Errno } from '../../process/errno'
import type { Sys } from '../../process/program'
import { complain, errnoText, type Flavour } from '../kit'

/**
 * Prints `prog: <what> '<path>': <errno text>` (what: "can't open" for busybox, "cannot remove" for GNU...),
 * or `prog: <path>: <errno text>` when `what` is empty for the flavour.
 */
export function fileError(sys: Sys, prog: string, flavour: Flavour, words: { busybox: string; gnu: string }, path: string, e: Errno): void {
  const what = flavour === 'busybox' ? words.busybox : words.gnu
  complain(sys, what === '' ? `${prog}: ${path}: ${errnoText(e)}` : `${prog}: ${what} '${path}': ${errnoText(e)}`)
}
