// What a busybox applet prints to stderr when its arguments make no sense (bb_show_usage): the banner and the
// applet's one-line usage, then it exits 1. The banner's build stamp is the docker.io/library/busybox 1.37.0
// glibc build's; the full usage paragraphs are left out (they vary with the build's features).

import type { Sys } from '../../process/program'
import { complain } from '../kit'

const TRIVIAL: Record<string, string> = {
  sleep: '[N]...',
  printf: 'FORMAT [ARG]...',
  kill: '[-l] [-SIG] PID...',
  nslookup: '[-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]',
  tail: '[OPTIONS] [FILE]...',
  head: '[OPTIONS] [FILE]...',
  touch: '[-c] [-d DATE] [-t DATE] [-r FILE] FILE...',
  rm: '[-irf] FILE...',
  mkdir: '[-m MODE] [-p] DIRECTORY...',
  cp: '[-arPLHpfinlsTu] SOURCE DEST',
  mv: '[-fin] SOURCE DEST',
  wget: '[-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR] URL...',
  grep: '[-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...',
  stress: '',
}

/** Prints the usage of `applet` and returns busybox's status for it (1). */
export function busyboxUsage(sys: Sys, applet: string): number {
  complain(sys, `BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ${applet} ${TRIVIAL[applet] ?? '[OPTIONS]'}`)
  return 1
}

/**
 * A command line the tool cannot use: busybox prints its usage; GNU prints `prog: <gnuText>` and its
 * "Try 'prog --help'" line. Both exit 1.
 */
export function usageError(sys: Sys, flavour: 'busybox' | 'gnu', prog: string, gnuText: string): number {
  if (flavour === 'busybox') return busyboxUsage(sys, prog)
  complain(sys, `${prog}: ${gnuText}\nTry '${prog} --help' for more information.`)
  return 1
}
