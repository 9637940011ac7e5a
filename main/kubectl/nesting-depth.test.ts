// Deeply nested manifests through `kubectl apply -f -` as the CLI runs it: a kubectl-worded error, never a
// stack overflow (issue 5: JSON nested 5,000 deep printed "Maximum call stack size exceeded").
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../engine/engine'
import { openCluster } from '../engine/open-cluster'
import { tmpFile } from '../engine/testing/cluster'
import { MAX_NESTING_DEPTH } from './manifests'
import { runKubectl } from './run-kubectl'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

function apply(text: string) {
  const engine = openCluster(tmpFile(), { mode: 'manual' })
  opened.push(engine)
  return runKubectl(['apply', '-f', '-'], { engine, readFile: () => '', readStdin: () => text })
}

const podWith = (field: string, value: string) =>
  `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"deep"},"spec":{"containers":[{"name":"c","image":"nginx"}]},${field}:${value}}`
const jsonObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
const yamlFlow = (depth: number) => `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`
const yamlBlock = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n'

describe(`manifests nested past ${MAX_NESTING_DEPTH} levels`, () => {
  it.each([5_000, 100_000])('JSON %i deep: encoding/json\'s "exceeded max depth", nothing created', (depth) => {
    const result = apply(podWith('"extra"', jsonObjects(depth)))
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toMatch(/^error: error parsing STDIN: json: offset \d+: invalid character '\{' exceeded max depth\n$/)
  })

  it.each([5_000, 100_000])('YAML flow %i deep: go-yaml\'s "exceeded max depth"', (depth) => {
    const result = apply(yamlFlow(depth))
    expect(result).toEqual({ stdout: '', stderr: `error: error parsing STDIN: error converting YAML to JSON: yaml: exceeded max depth of ${MAX_NESTING_DEPTH}\n`, exitCode: 1 })
  })

  it('YAML block 5000 deep: go-yaml\'s "exceeded max depth", with the line', () => {
    const result = apply(yamlBlock(5_000))
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`^error: error parsing STDIN: error converting YAML to JSON: yaml: line \\d+: exceeded max depth of ${MAX_NESTING_DEPTH}\\n$`))
  })

  it(`a pod with an unknown field nested ${MAX_NESTING_DEPTH - 10} deep goes through every walk to the API server's strict error`, () => {
    const result = apply(podWith('"extra"', jsonObjects(MAX_NESTING_DEPTH - 10)))
    expect(result.stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "extra"\n',
    )
  })
})
