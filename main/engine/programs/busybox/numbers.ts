// What busybox (the default image's shell and coreutils) does with the arguments of `sleep` and of ash's
// `exit`, number for number, so that a manifest's arguments end a container when and how the real one ends.
// Matched against busybox 1.36 built with its defconfig (FEATURE_FANCY_SLEEP and FLOAT_DURATION on, as in the
// docker.io/library/busybox images) on glibc:
// - coreutils/sleep.c: `--` is skipped; no argument is a usage error; an argument starting with "inf" (any
//   case) sleeps forever; otherwise every argument is a duration and they add up;
// - libbb/duration.c parse_duration_str: an argument with a "." is a decimal number (strtod over its leading
//   digits and dots, which must all be used) times its suffix; one without is xatoul_sfx: decimal digits only
//   (no sign, no space, no exponent), at most ULONG_MAX (2^64 - 1) after the suffix; suffixes s, m, h, d;
//   anything else is "invalid number" and sleep exits 1;
// - sleep_for_duration: a total of 2^63 - 1 seconds or more sleeps for ever (nanosleep with the largest time_t);
// - shell/ash.c exitcmd -> number(): digits only, else "Illegal number" and the shell exits 2; the digits go
//   through atoi (glibc: strtol, saturating at LONG_MAX, then cut to int), and the exit status keeps the low
//   8 bits: `exit 256` is 0, `exit 99999999999999999999` is 255.

/** sleep's usage or "invalid number" error: the applet exits with this. */
export const SLEEP_FAILED = 1
/** ash's status after a fatal error in a non-interactive shell ("Illegal number"). */
export const SHELL_ERROR = 2

const ULONG_MAX = 2n ** 64n - 1n
const LONG_MAX = 2n ** 63n - 1n
const SUFFIXES = new Map([['', 1], ['s', 1], ['m', 60], ['h', 3600], ['d', 86400]])

/** busybox `sleep ARGS`: the seconds it sleeps (a double), 'forever', or 'invalid' (it exits 1 at once). */
export function busyboxSleep(args: readonly string[]): number | 'forever' | 'invalid' {
  const operands = args[0] === '--' ? args.slice(1) : args
  if (operands.length === 0) return 'invalid'
  if (operands[0]!.slice(0, 3).toLowerCase() === 'inf') return 'forever'
  let total = 0
  for (const arg of operands) {
    const seconds = parseDuration(arg)
    if (seconds === undefined) return 'invalid'
    total += seconds
  }
  return total >= Number(LONG_MAX) ? 'forever' : total
}

/** parse_duration_str: seconds, or undefined where busybox dies with a usage or "invalid number" error. */
function parseDuration(arg: string): number | undefined {
  if (arg.includes('.')) {
    const number = /^[0-9.]*/.exec(arg)![0]
    const mult = SUFFIXES.get(arg.slice(number.length))
    // strtod must read the whole run of digits and dots: one dot at most, and a digit somewhere.
    if (mult === undefined || !/^(\d+\.?\d*|\.\d+)$/.test(number)) return undefined
    const d = Number(number)
    return Number.isFinite(d) ? d * mult : undefined
  }
  const m = /^(\d+)([a-z]*)$/.exec(arg)
  const mult = m ? SUFFIXES.get(m[2]!) : undefined
  if (!m || mult === undefined) return undefined
  const n = BigInt(m[1]!) * BigInt(mult)
  return n > ULONG_MAX ? undefined : Number(n)
}

/** ash `exit [N]`: the exit status, or SHELL_ERROR for an argument that is not all digits. */
export function ashExit(arg: string | undefined): number {
  if (arg === undefined) return 0
  if (!/^\d+$/.test(arg)) return SHELL_ERROR
  const n = BigInt(arg)
  return Number((n > LONG_MAX ? LONG_MAX : n) & 0xffn)
}
