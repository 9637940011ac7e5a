// Just enough of spf13/pflag (as cobra drives it for kubectl) to read kubectl's flags the way kubectl does:
// flags anywhere among the arguments, --name=value / --name value / -n value / -nvalue / -n=value, "--" ending
// flags, and pflag's own words for the errors.

export type FlagType = 'bool' | 'string' | 'stringArray'

export interface FlagSpec {
  long: string
  short?: string
  type: FlagType
}

export type FlagValues = Record<string, string | boolean | string[]>

export type Parsed = { ok: true; args: string[]; flags: FlagValues } | { ok: false; error: string }

export function parseFlags(argv: string[], specs: FlagSpec[]): Parsed {
  const args: string[] = []
  const flags: FlagValues = {}
  const byLong = new Map(specs.map((s) => [s.long, s]))
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]))
  const set = (spec: FlagSpec, value: string | true, shown: string): string | undefined => {
    if (spec.type === 'bool') {
      const b = value === true ? true : parseBool(value)
      if (b === undefined) return `invalid argument "${value}" for "${shown}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`
      flags[spec.long] = b
    } else if (spec.type === 'stringArray') {
      flags[spec.long] = [...((flags[spec.long] as string[] | undefined) ?? []), value as string]
    } else {
      flags[spec.long] = value as string
    }
    return undefined
  }

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      args.push(...argv.slice(i + 1))
      break
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      const name = arg.slice(2, eq < 0 ? undefined : eq)
      const spec = byLong.get(name)
      if (!spec) return { ok: false, error: `unknown flag: --${name}` }
      let value: string | true
      if (eq >= 0) value = arg.slice(eq + 1)
      else if (spec.type === 'bool') value = true
      else if (i + 1 < argv.length) value = argv[++i]!
      else return { ok: false, error: `flag needs an argument: --${name}` }
      const problem = set(spec, value, `--${name}`)
      if (problem) return { ok: false, error: problem }
    } else if (arg.startsWith('-') && arg.length > 1) {
      // Shorthands may be grouped (-Ao wide) and may carry their value (-owide, -o=wide).
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j]!
        const spec = byShort.get(c)
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${c}' in ${arg}` }
        if (spec.type === 'bool') {
          if (arg[j + 1] === '=') {
            const problem = set(spec, arg.slice(j + 2), `-${c}`)
            if (problem) return { ok: false, error: problem }
            break
          }
          set(spec, true, `-${c}`)
          continue
        }
        let value: string
        if (j + 1 < arg.length) value = arg.slice(arg[j + 1] === '=' ? j + 2 : j + 1)
        else if (i + 1 < argv.length) value = argv[++i]!
        else return { ok: false, error: `flag needs an argument: '${c}' in -${c}` }
        set(spec, value, `-${c}`)
        break
      }
    } else {
      args.push(arg)
    }
  }
  return { ok: true, args, flags }
}

/** strconv.ParseBool. */
function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false
  return undefined
}
