// spf13/pflag behaviour as kubectl's cobra commands see it; error words checked against real kubectl 1.32.5 in
// testdata/get-missing-argument, get-unknown-shorthand, get-unknown-flag and get-bool-flag-value goldens.
import { describe, expect, it } from 'vitest'
import { parseFlags, type FlagSpec } from './flags'

const SPECS: FlagSpec[] = [
  { long: 'namespace', short: 'n', type: 'string' },
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'filename', short: 'f', type: 'stringArray' },
]

describe('parseFlags', () => {
  it.each<[string[], Record<string, unknown>, string[]]>([
    [['pods', '-o', 'wide'], { output: 'wide' }, ['pods']],
    [['-owide', 'pods'], { output: 'wide' }, ['pods']],
    [['-o=yaml', 'pods'], { output: 'yaml' }, ['pods']],
    [['--output=json', 'pods', '--namespace', 'x'], { output: 'json', namespace: 'x' }, ['pods']],
    [['-Ao', 'name', 'pods'], { 'all-namespaces': true, output: 'name' }, ['pods']],
    [['--all-namespaces=false'], { 'all-namespaces': false }, []],
    [['-f', 'a.yaml', '-f', 'b.yaml'], { filename: ['a.yaml', 'b.yaml'] }, []],
    [['pods', '--', '-o'], {}, ['pods', '-o']],
  ])('%j', (argv, flags, args) => expect(parseFlags(argv, SPECS)).toEqual({ ok: true, flags, args }))

  it.each<[string[], string]>([
    [['--bogus'], 'unknown flag: --bogus'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['-o'], "flag needs an argument: 'o' in -o"],
    [['--output'], 'flag needs an argument: --output'],
    [['-A=maybe'], 'invalid argument "maybe" for "-A" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
  ])('%j fails with pflag words', (argv, error) => expect(parseFlags(argv, SPECS)).toEqual({ ok: false, error }))
})
