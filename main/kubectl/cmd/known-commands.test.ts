import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runKubectl } from '../run-kubectl'
import { fakeEngine } from '../testing/fake-engine'
import { KUBECTL_COMMANDS } from './known-commands'

const io = { engine: fakeEngine({}), readFile: () => '', readStdin: () => '' }

describe('real kubectl commands Podlab has not built yet (found by a new-user test: `kubectl logs` said "unknown command")', () => {
  it('the list holds every command the real kubectl 1.32 --help lists', () => {
    const golden = readFileSync(join(__dirname, '../testdata/help/kubectl.golden'), 'utf8')
    const listed = [...golden.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map((m) => m[1])
    expect(listed.length).toBeGreaterThan(40)
    for (const name of listed) expect(KUBECTL_COMMANDS).toContain(name)
  })

  it.each([['cp'], ['certificate'], ['port-forward'], ['options']])('kubectl %s says Podlab does not support it yet, exit 1', (name) => {
    expect(runKubectl([name, 'x'], io)).toEqual({ stdout: '', stderr: `error: kubectl ${name} is not supported by Podlab yet\n`, exitCode: 1 })
    expect(runKubectl(['help', name], io)).toEqual({ stdout: '', stderr: `error: kubectl ${name} is not supported by Podlab yet\n`, exitCode: 1 })
  })

  it('a command no kubectl has is still cobra\'s unknown command', () => {
    expect(runKubectl(['lgos'], io).stderr).toBe('error: unknown command "lgos" for "kubectl"\n')
  })
})
