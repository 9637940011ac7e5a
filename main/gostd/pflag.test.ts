// spf13/pflag behaviour as kubectl's cobra commands see it; error words checked against real kubectl 1.32.5 in
// testdata/get-missing-argument, get-unknown-shorthand, get-unknown-flag, get-bool-flag-value,
// get-bool-flag-shorthand and delete-bad-grace-period goldens.
import { describe, expect, it } from 'vitest'
import { parseFlags, parseInt64, readCsvRecord, type FlagSpec } from './pflag'

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
  ])('%j', (argv, flags, args) => expect(parseFlags(argv, SPECS)).toMatchObject({ ok: true, flags, args }))

  it('ArgsLenAtDash: how many arguments came before `--`, -1 without one', () => {
    expect(parseFlags(['x', '-o', 'yaml', '--', 'sleep', '1'], SPECS)).toEqual({ ok: true, flags: { output: 'yaml' }, args: ['x', 'sleep', '1'], argsLenAtDash: 1 })
    expect(parseFlags(['x'], SPECS)).toMatchObject({ argsLenAtDash: -1 })
  })

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

describe('stringSlice and int32 flags (create deployment --image, --replicas, --port)', () => {
  const specs: FlagSpec[] = [
    { long: 'image', type: 'stringSlice' },
    { long: 'replicas', short: 'r', type: 'int32' },
  ]
  it('a stringSlice value is a CSV record; repeats append', () => {
    expect(parseFlags(['--image=nginx,redis', '--image', 'busybox'], specs)).toMatchObject({ flags: { image: ['nginx', 'redis', 'busybox'] } })
    expect(parseFlags(['--image='], specs)).toMatchObject({ flags: { image: [] } })
  })
  it.each<[string, string[] | string]>([
    ['a,b', ['a', 'b']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi"""', ['say "hi"']],
    ['a,', ['a', '']],
    ['a"b', 'parse error on line 1, column 2: bare " in non-quoted-field'],
    ['"ab', 'parse error on line 1, column 4: extraneous or missing " in quoted-field'],
    ['"a"b', 'parse error on line 1, column 3: extraneous or missing " in quoted-field'],
    // The errors as kubectl 1.32.5 prints them for `create deployment x --image=<line>`.
  ])('encoding/csv reads %j as %j', (line, want) => expect(readCsvRecord(line)).toEqual(want))
  it('an int32 past 2^31-1 is out of range, as strconv.ParseInt(s, 0, 32) says (create-deployment-huge-port golden)', () => {
    expect(parseFlags(['-r', '2147483648'], specs)).toEqual({
      ok: false,
      error: 'invalid argument "2147483648" for "-r, --replicas" flag: strconv.ParseInt: parsing "2147483648": value out of range',
    })
    expect(parseFlags(['-r', '2147483647'], specs)).toMatchObject({ flags: { replicas: 2147483647 } })
  })
})
