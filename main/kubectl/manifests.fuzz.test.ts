// Property tests for `kubectl apply -f -` over hostile input (issue 5): whatever the text, kubectl answers in
// its own words (exit 0 or 1, `error: ...`, `Error from server ...` or `The Pod "x" is invalid: ...`), never with a JavaScript error; and a
// valid pod with random numbers in its numeric fields never stops the clock from advancing or the pod from
// being deleted.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Engine } from '../engine/engine'
import { openCluster } from '../engine/open-cluster'
import { fuzzRuns } from '../engine/testing/fuzz'
import { tmpFile } from '../engine/testing/cluster'
import { fakeEngine } from './testing/fake-engine'
import type { KubectlResult } from './io'
import { runKubectl } from './run-kubectl'

const JS_ERRORS = /Maximum call stack|TypeError|RangeError|Invalid time value|undefined|NaN/

function applyText(engine: Engine, text: string): KubectlResult {
  return runKubectl(['apply', '-f', '-'], { engine, readFile: () => '', readStdin: () => text })
}

function expectKubectlWorded(result: KubectlResult): void {
  expect([0, 1]).toContain(result.exitCode)
  // kubectl's CheckErr: `error: ...`, `Error from server (Reason): ...`, or an Invalid status as it is.
  if (result.exitCode === 1) expect(result.stderr).toMatch(/^(Warning: [^\n]*\n)*(error: |Error from server|The \w+ "[^"]*" is invalid: )/)
  expect(result.stderr).not.toMatch(JS_ERRORS)
}


const nested = fc.record({
  depth: fc.integer({ min: 1, max: 20_000 }),
  open: fc.constantFrom('[', '{"a":'),
  yaml: fc.boolean(),
})

describe('kubectl apply -f - never answers with a JavaScript error', () => {
  it('arbitrary text', () => {
    const engine = fakeEngine({})
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => expectKubectlWorded(applyText(engine, text))),
      { numRuns: fuzzRuns(300) },
    )
  })

  it('arbitrary JSON values, as JSON and as a YAML document', () => {
    const engine = fakeEngine({})
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, asYaml) => {
        const json = JSON.stringify(value) ?? 'null'
        expectKubectlWorded(applyText(engine, asYaml ? `x: ${json}\n` : json))
      }),
      { numRuns: fuzzRuns(300) },
    )
  })

  it('arbitrarily deep nests of arrays and objects, JSON or YAML flow', () => {
    const engine = fakeEngine({})
    fc.assert(
      fc.property(nested, ({ depth, open, yaml }) => {
        const close = open === '[' ? ']' : '}'
        const value = open.repeat(depth) + (open === '[' ? '' : '1') + close.repeat(depth)
        expectKubectlWorded(applyText(engine, yaml ? `a: ${value}\n` : `{"kind":"Pod","apiVersion":"v1","x":${value}}`))
      }),
      // Each case opens a cluster file and runs it two virtual hours (~0.2 s unloaded): a dozen keep the brief
      // run near the 5 s budget on a busy two-core machine; `npm run fuzz` runs hundreds.
      { numRuns: fuzzRuns(12) },
    )
    // ~8 s at a load of 6 on two cores; the whole suite beside it once took it past 40 s.
  }, 90_000)
})

/** An int64 as the API takes it: small, negative, huge, int64's edges. */
const int64 = fc.oneof(
  fc.integer({ min: -5, max: 100 }),
  fc.integer({ min: -(2 ** 53), max: 2 ** 53 }),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 2e15, 9223372036854775807, -9223372036854775808),
)
/** Arguments busybox sleep and ash exit might get: numbers in any spelling, and the edges of their ranges. */
const anyArg = fc.oneof(
  fc.oneof(fc.nat(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map(String),
  fc.bigInt({ min: 0n, max: 10n ** 40n }).map(String),
  // The edges, most often: a random number rarely lands on them.
  { weight: 4, arbitrary: fc.constantFrom('99999999999999999999999999999999', '18446744073709551615', '9223372036854775807', '1e3', '10m', '1.5h', '-1', 'inf', '.5', '256') },
)

describe('a valid pod with random numbers: advance and delete keep working', () => {
  it('terminationGracePeriodSeconds, activeDeadlineSeconds, sleep/exit arguments, probe periods, tolerationSeconds, delete grace', () => {
    fc.assert(
      fc.property(
        fc.record({
          // Each within what the API accepts, so that the pod reaches the kubelet.
          grace: int64,
          deadline: fc.option(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { nil: undefined }),
          sleep: anyArg,
          exit: anyArg,
          period: fc.option(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { nil: undefined }),
          toleration: int64,
          deleteGrace: fc.option(int64, { nil: undefined }),
        }),
        (r) => {
          // A cluster of its own per case: pods stuck Terminating for centuries would slow every later advance.
          const engine = openCluster(tmpFile(), { mode: 'manual' })
          const name = 'p'
          const pod = {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name },
            spec: {
              terminationGracePeriodSeconds: r.grace,
              activeDeadlineSeconds: r.deadline,
              tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: r.toleration }],
              containers: [
                { name: 'sleeps', image: 'busybox', command: ['sleep', r.sleep], livenessProbe: { exec: { command: ['true'] }, periodSeconds: r.period } },
                { name: 'exits', image: 'busybox', command: ['sh', '-c', `exit ${r.exit}`] },
              ],
            },
          }
          expect(applyText(engine, JSON.stringify(pod))).toEqual({ stdout: 'pod/p created\n', stderr: '', exitCode: 0 })
          expect(() => engine.advance(3_600_000)).not.toThrow()
          const grace = r.deleteGrace === undefined ? [] : [`--grace-period=${BigInt(r.deleteGrace) === 2n ** 63n ? '9223372036854775807' : BigInt(r.deleteGrace)}`]
          const deleted = runKubectl(['delete', 'pod', name, '--wait=false', ...grace], { engine, readFile: () => '', readStdin: () => '' })
          expectKubectlWorded(deleted)
          expect(() => engine.advance(3_600_000)).not.toThrow()
          engine.close()
        },
      ),
      // Each case opens a cluster file and runs it two virtual hours (~0.2 s unloaded): a dozen keep the brief
      // run near the 5 s budget on a busy two-core machine; `npm run fuzz` runs hundreds.
      { numRuns: fuzzRuns(12) },
    )
    // ~8 s at a load of 6 on two cores; the whole suite beside it once took it past 40 s.
  }, 90_000)
})
