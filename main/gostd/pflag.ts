// Just enough of spf13/pflag (as cobra drives it for kubectl) to read kubectl's flags the way kubectl does:
// flags anywhere among the arguments, --name=value / --name value / -n value / -nvalue / -n=value, "--" ending
// flags, flags with a value when given bare (NoOptDefVal), and pflag's own words for the errors.

export type FlagType = 'bool' | 'string' | 'stringArray' | 'stringSlice' | 'int' | 'int32'

export interface FlagSpec {
  long: string
  short?: string
  type: FlagType
  /** pflag's NoOptDefVal: the value of `--name` given without `=value` (bools have "true"). */
  noOptDefVal?: string
  /** pflag's DefValue when it is not the type's zero value (`--wait=true`, `--grace-period=-1`). */
  defValue?: string | boolean | number
  /** kubectl has this flag but Podlab does not honour it yet: a value other than the default is refused. */
  notYet?: boolean
}

export type FlagValues = Record<string, string | boolean | string[] | number>

/** `argsLenAtDash`: cobra's ArgsLenAtDash, how many arguments came before `--` (-1 without one). */
export type Parsed = { ok: true; args: string[]; flags: FlagValues; argsLenAtDash: number } | { ok: false; error: string }

export function parseFlags(argv: string[], specs: FlagSpec[]): Parsed {
  const args: string[] = []
  const flags: FlagValues = {}
  let argsLenAtDash = -1
  const byLong = new Map(specs.map((s) => [s.long, s]))
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]))
  const set = (spec: FlagSpec, value: string | true): string | undefined => {
    // FlagSet.Set names the flag as "-s, --long" when it has a shorthand, however it was typed.
    const shown = spec.short ? `-${spec.short}, --${spec.long}` : `--${spec.long}`
    if (spec.type === 'bool') {
      const b = value === true ? true : parseBool(value)
      if (b === undefined) return `invalid argument "${value}" for "${shown}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`
      flags[spec.long] = b
    } else if (spec.type === 'int' || spec.type === 'int32') {
      let n = parseInt64(value as string)
      // strconv.ParseInt(s, 0, 32) for an int32 flag.
      if (spec.type === 'int32' && typeof n === 'number' && (n < -(2 ** 31) || n >= 2 ** 31)) n = 'value out of range'
      if (typeof n === 'string') return `invalid argument ${JSON.stringify(value)} for "${shown}" flag: strconv.ParseInt: parsing ${JSON.stringify(value)}: ${n}`
      flags[spec.long] = n
    } else if (spec.type === 'stringArray') {
      flags[spec.long] = [...((flags[spec.long] as string[] | undefined) ?? []), value as string]
    } else if (spec.type === 'stringSlice') {
      // pflag's stringSlice: each value is a CSV record; the first Set replaces the default, later ones append.
      const record = readCsvRecord(value as string)
      if (typeof record === 'string') return `invalid argument ${JSON.stringify(value)} for "${shown}" flag: ${record}`
      flags[spec.long] = [...((flags[spec.long] as string[] | undefined) ?? []), ...record]
    } else {
      flags[spec.long] = value as string
    }
    return undefined
  }

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      argsLenAtDash = args.length
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
      else if (spec.noOptDefVal !== undefined) value = spec.noOptDefVal
      else if (i + 1 < argv.length) value = argv[++i]!
      else return { ok: false, error: `flag needs an argument: --${name}` }
      const problem = set(spec, value)
      if (problem) return { ok: false, error: problem }
    } else if (arg.startsWith('-') && arg.length > 1) {
      // Shorthands may be grouped (-Ao wide) and may carry their value (-owide, -o=wide).
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j]!
        const spec = byShort.get(c)
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${c}' in ${arg}` }
        if (arg[j + 1] === '=') {
          const problem = set(spec, arg.slice(j + 2))
          if (problem) return { ok: false, error: problem }
          break
        }
        if (spec.type === 'bool' || spec.noOptDefVal !== undefined) {
          const problem = set(spec, spec.type === 'bool' ? true : spec.noOptDefVal!)
          if (problem) return { ok: false, error: problem }
          continue
        }
        let value: string
        if (j + 1 < arg.length) value = arg.slice(j + 1)
        else if (i + 1 < argv.length) value = argv[++i]!
        else return { ok: false, error: `flag needs an argument: '${c}' in -${c}` }
        const problem = set(spec, value)
        if (problem) return { ok: false, error: problem }
        break
      }
    } else {
      args.push(arg)
    }
  }
  return { ok: true, args, flags, argsLenAtDash }
}

/**
 * encoding/csv's Reader.Read of one line, as pflag's readAsCSV uses it: fields split at commas, a field that starts
 * with `"` quoted (`""` for a quote). The fields, or csv's error text for a bare or unterminated quote.
 */
export function readCsvRecord(line: string): string[] | string {
  if (line === '') return []
  const fields: string[] = []
  let i = 0
  for (;;) {
    if (line[i] === '"') {
      let field = ''
      let j = i + 1
      for (;;) {
        const q = line.indexOf('"', j)
        if (q < 0) return `parse error on line 1, column ${line.length + 1}: extraneous or missing " in quoted-field`
        field += line.slice(j, q)
        if (line[q + 1] === '"') {
          field += '"'
          j = q + 2
        } else if (q + 1 === line.length || line[q + 1] === ',') {
          fields.push(field)
          i = q + 1
          break
        } else return `parse error on line 1, column ${q + 1}: extraneous or missing " in quoted-field`
      }
    } else {
      const comma = line.indexOf(',', i)
      const field = line.slice(i, comma < 0 ? undefined : comma)
      const quote = field.indexOf('"')
      if (quote >= 0) return `parse error on line 1, column ${i + quote + 1}: bare " in non-quoted-field`
      fields.push(field)
      i = comma < 0 ? line.length : comma
    }
    if (i >= line.length) return fields
    i++ // the comma
    if (i === line.length) {
      fields.push('')
      return fields
    }
  }
}

/** strconv.ParseBool. */
function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false
  return undefined
}

/**
 * strconv.ParseInt(s, 0, 64), which pflag's int flags use: an optional sign, then decimal or a 0x / 0o / 0b / 0
 * (octal) prefix, `_` allowed between digits. The number, or the reason strconv gives.
 */
export function parseInt64(s: string): number | 'invalid syntax' | 'value out of range' {
  let rest = s
  let negative = false
  if (rest[0] === '+' || rest[0] === '-') {
    negative = rest[0] === '-'
    rest = rest.slice(1)
  }
  if (rest === '') return 'invalid syntax'
  // ParseUint(rest, 0, 64)
  let base = 10
  let digits = rest
  if (rest[0] === '0') {
    const p = rest[1]?.toLowerCase()
    base = rest.length >= 3 && p === 'b' ? 2 : rest.length >= 3 && p === 'o' ? 8 : rest.length >= 3 && p === 'x' ? 16 : 8
    digits = rest.slice(base === 8 && p !== 'o' ? 1 : 2)
  }
  let n = 0n
  let underscores = false
  for (const c of digits) {
    if (c === '_') {
      underscores = true
      continue
    }
    const d = /^[0-9a-z]$/i.test(c) ? parseInt(c, 36) : 99
    if (d >= base) return 'invalid syntax'
    n = n * BigInt(base) + BigInt(d)
    if (n >= 1n << 64n) return 'value out of range'
  }
  if (underscores && !underscoreOK(rest)) return 'invalid syntax'
  if (negative ? n > 1n << 63n : n >= 1n << 63n) return 'value out of range'
  return Number(negative ? -n : n)
}

/** strconv's underscoreOK: each `_` between digits, or between the base prefix and a digit. */
function underscoreOK(s: string): boolean {
  let saw = '^'
  let i = 0
  let hex = false
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(s[1]!.toLowerCase())) {
    i = 2
    saw = '0'
    hex = s[1]!.toLowerCase() === 'x'
  }
  for (; i < s.length; i++) {
    const c = s[i]!
    if (/[0-9]/.test(c) || (hex && /[a-f]/i.test(c))) {
      saw = '0'
      continue
    }
    if (c === '_') {
      if (saw !== '0') return false
      saw = '_'
      continue
    }
    if (saw === '_') return false
    saw = '!'
  }
  return saw !== '_'
}
