// spf13/pflag behaviour as kubectl's cobra commands see it; error words checked against real kubectl 1.32.5 in
// testdata/get-missing-argument, get-unknown-shorthand, get-unknown-flag, get-bool-flag-value,
// get-bool-flag-shorthand and delete-bad-grace-period goldens.
import { describe, expect, it } from 'vitest'
import { parseFlags, parseInt64, type FlagSpec } from './pflag'

const SPECS: FlagSpec[] = [
  { long: 'namespace', short: 'n', type: 'string' },
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'grace-period', type: 'int' },
  { long: 'cascade', type: 'string', noOptDefVal: 'background' },
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
    [['--grace-period=0x10', 'x'], { 'grace-period': 16 }, ['x']],
    [['--grace-period', '-1'], { 'grace-period': -1 }, []],
    [['--cascade', 'pods'], { cascade: 'background' }, ['pods']],
    [['--cascade=orphan'], { cascade: 'orphan' }, []],
  ])('%j', (argv, flags, args) => expect(parseFlags(argv, SPECS)).toEqual({ ok: true, flags, args }))

  it.each<[string[], string]>([
    [['--bogus'], 'unknown flag: --bogus'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['-o'], "flag needs an argument: 'o' in -o"],
    [['--output'], 'flag needs an argument: --output'],
    [['-A=maybe'], 'invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [['--all-namespaces=maybe'], 'invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [['--grace-period=soon'], 'invalid argument "soon" for "--grace-period" flag: strconv.ParseInt: parsing "soon": invalid syntax'],
    [['--grace-period=99999999999999999999'], 'invalid argument "99999999999999999999" for "--grace-period" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range'],
    [['--grace-period'], 'flag needs an argument: --grace-period'],
  ])('%j fails with pflag words', (argv, error) => expect(parseFlags(argv, SPECS)).toEqual({ ok: false, error }))

  it.each<[string, ReturnType<typeof parseInt64>]>([
    ['30', 30],
    ['+5', 5],
    ['-1', -1],
    ['0', 0],
    ['010', 8],
    ['0o17', 15],
    ['0b101', 5],
    ['0X1f', 31],
    ['1_000', 1000],
    ['0x_1F', 31],
    ['0_7', 7],
    ['08', 'invalid syntax'],
    ['1__0', 'invalid syntax'],
    ['_1', 'invalid syntax'],
    ['1_', 'invalid syntax'],
    ['0x', 'invalid syntax'],
    ['', 'invalid syntax'],
    ['-', 'invalid syntax'],
    ['1.5', 'invalid syntax'],
    ['9223372036854775807', 9223372036854775807],
    ['9223372036854775808', 'value out of range'],
    ['-9223372036854775808', -9223372036854775808],
  ])('strconv.ParseInt(%j, 0, 64)', (s, want) => expect(parseInt64(s)).toBe(want))
})
