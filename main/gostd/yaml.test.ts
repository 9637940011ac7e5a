// Checks toYaml against real kubectl 1.32.5 output recorded by scripts/golden/run.mjs (main/kubectl/testdata):
// `kubectl get pod x -o yaml` over a pod full of strings that go-yaml must quote, fold or write as blocks, and
// `kubectl create deployment hello --image=nginx --dry-run=client -o yaml`. Rules: goyaml.v2 emitterc.go.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatNumber, toYaml } from './yaml'
import { needsQuoting } from './yaml-resolve'

const DATA = path.join(__dirname, '..', 'kubectl', 'testdata')
const read = (f: string) => fs.readFileSync(path.join(DATA, f), 'utf8')

describe('toYaml matches real kubectl -o yaml', () => {
  it('get pod x -o yaml (quoting, folding at 80, literal blocks, indentless sequences)', () => {
    const [pod] = JSON.parse(read('objects.json'))
    expect(toYaml(pod)).toBe(read('get-pod-yaml.golden'))
  })
  it('create deployment hello --image=nginx --dry-run=client -o yaml', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { creationTimestamp: null, labels: { app: 'hello' }, name: 'hello' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'hello' } },
        strategy: {},
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'hello' } },
          spec: { containers: [{ image: 'nginx', name: 'nginx', resources: {} }] },
        },
      },
      status: {},
    }
    expect(toYaml(deployment)).toBe(read('create-deployment-yaml.golden'))
  })
})

describe('toYaml details from emitterc.go', () => {
  it.each<[unknown, string]>([
    [{}, '{}\n'],
    [[], '[]\n'],
    [{ a: [[1, 2], []] }, 'a:\n- - 1\n  - 2\n- []\n'],
    [{ s: 'tab\there' }, 's: "tab\\there"\n'],
    [{ s: 'emoji 😀' }, 's: "emoji \\U0001F600"\n'],
    [{ s: 'ends with two breaks\n\n' }, 's: |+\n  ends with two breaks\n\n'],
    [{ s: 'trailing space \nnext' }, 's: "trailing space \\nnext"\n'],
    [{ 'key: odd': 1 }, "'key: odd': 1\n"],
    [{ '': 1 }, '"": 1\n'],
  ])('%j', (value, want) => expect(toYaml(value)).toBe(want))
})

describe('needsQuoting (goyaml.v2 resolve.go)', () => {
  it.each(['true', 'Yes', 'off', '~', 'null', '', '123', '-1', '+1', '0x1F', '0o17', '0b101', '1_000', '1.5', '.5', '1e3', '.inf', '12:30', '2025-03-01', '2025-03-01T11:00:00Z'])(
    '%j resolves to a non-string',
    (s) => expect(needsQuoting(s)).toBe(true),
  )
  it.each(['nginx', 'v1.32.0', '10.244.0.5', '-', 'yess', '2025-13-01', '1.2.3', 'e3', '0x'])('%j stays a string', (s) =>
    expect(needsQuoting(s)).toBe(false),
  )
})

describe('formatNumber (strconv.FormatInt / FormatFloat g -1)', () => {
  it.each<[number, string]>([
    [0, '0'],
    [-3, '-3'],
    [1.5, '1.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1234567.5, '1.2345675e+06'],
    [-9223372036854775808, '-9223372036854775808'],
    [9223372036854775807, '9223372036854775807'], // int64 max, read as 2^63, as kubectl prints it (issue 5)
  ])('%d -> %s', (n, want) => expect(formatNumber(n)).toBe(want))
})
