// create service beyond the goldens: what Podlab answers where the real kubectl would reach a server (no Services
// are simulated, so nothing may be sent), and parsePorts' edge cases.

import { describe, expect, it } from 'vitest'
import { runKubectl } from '../../../run-kubectl'
import { fakeEngine } from '../../../testing/fake-engine'
import { parsePorts } from './service-options'

function kubectl(...args: string[]) {
  const engine = fakeEngine({})
  return { engine, result: runKubectl(args, { engine, readFile: () => '', readStdin: () => '' }) }
}

describe('kubectl create service without --dry-run=client', () => {
  it.each([[[]], [['--dry-run=server']], [['--dry-run=none']]])('%j says Podlab does not simulate Services yet, sends nothing and fails', (extra) => {
    const { engine, result } = kubectl('create', 'service', 'clusterip', 'my-cs', '--tcp=80', ...extra)
    expect(result).toEqual({
      stdout: '',
      stderr: 'error: Podlab does not simulate Services yet, so kubectl create service clusterip created nothing; --dry-run=client -o yaml prints the Service it would send\n',
      exitCode: 1,
    })
    expect(engine.created).toEqual([])
  })

  it("kubectl's own checks come first: a bad port is its error, not Podlab's", () => {
    expect(kubectl('create', 'service', 'nodeport', 'x', '--tcp=99999').result.stderr).toBe('error: strconv.ParseUint: parsing "99999": value out of range\n')
  })
})

describe('parsePorts', () => {
  it.each<[string, { port: number; targetPort: number | string }]>([
    ['80', { port: 80, targetPort: 80 }],
    ['0', { port: 0, targetPort: 0 }],
    ['5678:8080', { port: 5678, targetPort: 8080 }],
    ['443:https', { port: 443, targetPort: 'https' }],
    // Only the first two fields count (strings.Split, then [0] and [1]).
    ['80:90:100', { port: 80, targetPort: 90 }],
  ])('%s', (spec, want) => expect(parsePorts(spec)).toEqual(want))

  it.each([
    ['80:', 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-),must contain at least one letter (a-z)'],
    ['80:-1', 'must be between 1 and 65535, inclusive'],
    ['80:HTTP', 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-),must contain at least one letter (a-z)'],
    [':80', 'strconv.ParseUint: parsing "": invalid syntax'],
  ])('%s fails with kubectl\'s words', (spec, message) => expect(() => parsePorts(spec)).toThrow(message))
})
