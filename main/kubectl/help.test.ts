// `--help` against the real kubectl 1.32: testdata/help/*.golden were recorded from the binary by
// scripts/golden/help.mjs. A verb's help is the real text byte for byte; the root help is the real layout with
// only the commands Podlab has (the real listing with every other command line, and every group left empty,
// taken out) and one line saying so.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PODLAB_NOTE } from './cmd/root-help'
import { fakeEngine } from './testing/fake-engine'
import { COMMANDS, runKubectl } from './run-kubectl'

const golden = (name: string) => fs.readFileSync(path.join(__dirname, 'testdata', 'help', `${name}.golden`), 'utf8')
const kubectl = (...args: string[]) => runKubectl(args, { engine: fakeEngine({}), readFile: () => '', readStdin: () => '' })

/** The real root help narrowed to the given commands: other command lines and emptied groups dropped. */
function narrowedRootHelp(real: string, names: string[]): string {
  const blocks = real.split('\n\n')
  const kept = blocks.flatMap((block) => {
    const [title, ...lines] = block.split('\n')
    if (!/^[A-Z].*:$/.test(title!) || title === 'Usage:' || lines.some((l) => !/^  \S+ +\S/.test(l))) return [block]
    const mine = lines.filter((l) => names.includes(l.trim().split(/\s+/)[0]!))
    return mine.length > 0 ? [[title, ...mine].join('\n')] : []
  })
  return kept.join('\n\n') + PODLAB_NOTE
}

describe('kubectl <verb> --help prints the real kubectl 1.32 help', () => {
  it.each(COMMANDS.map((c) => c.name))('%s', (name) => {
    const want = { stdout: golden(name), stderr: '', exitCode: 0 }
    expect(kubectl(name, '--help')).toEqual(want)
    expect(kubectl(name, '-h')).toEqual(want)
    expect(kubectl('help', name)).toEqual(want)
    // cobra finds the command first, so -h anywhere (after -n too) is that command's help.
    expect(kubectl('-n', 'x', name, 'x', '-h')).toEqual(want)
  })

  it('a flag error comes before help, as cobra parses flags first', () => {
    expect(kubectl('get', '--bogus', '-h')).toEqual({ stdout: '', stderr: "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n", exitCode: 1 })
  })

  it('--help=false runs the command', () => {
    expect(kubectl('get', '--help=false').stderr).toContain('You must specify the type of resource to get.')
  })
})

describe('kubectl --help: the real layout, only the commands Podlab has, and a line saying so', () => {
  const want = { stdout: narrowedRootHelp(golden('kubectl'), COMMANDS.map((c) => c.name)), stderr: '', exitCode: 0 }

  it.each([[[]], [['--help']], [['-h']], [['help']]])('kubectl %j', (args) => {
    expect(kubectl(...args)).toEqual(want)
  })

  it('lists get and delete under their real group and apply under its own, with their real descriptions', () => {
    expect(want.stdout).toContain('Basic Commands (Intermediate):\n  explain         Get documentation for a resource\n  get             Display one or many resources\n  edit            Edit a resource on the server\n  delete          Delete resources')
    expect(want.stdout).toContain('Advanced Commands:\n  diff            Diff the live version against a would-be applied version\n  apply           Apply a configuration to a resource by file name or stdin\n')
    expect(want.stdout).toContain('Other Commands:\n  api-resources   Print the supported API resources on the server\n')
    expect(want.stdout.endsWith("Podlab's kubectl has only these commands yet; see https://kubernetes.io/docs/reference/kubectl/\n")).toBe(true)
  })
})
