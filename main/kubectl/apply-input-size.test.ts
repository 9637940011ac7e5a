// `kubectl apply -f -` and `-f FILE` when the host's reader refuses the input as too large (issue 5): the API
// server's words, nothing applied (main/host/read-capped.ts is the reader the CLI uses).
import { describe, expect, it } from 'vitest'
import { fakeEngine } from './testing/fake-engine'
import { InputTooLarge } from './io'
import { runKubectl } from './run-kubectl'

const tooLarge = () => {
  throw new InputTooLarge(3145728)
}

describe('kubectl apply of an input past the request size', () => {
  // apply.go's helper.Create error through AddSourceToErr("creating", info.Source, err): STDIN for `-f -`.
  it.each([['-', 'STDIN'], ['big.yaml', 'big.yaml']])('-f %s: Request entity too large when creating "%s", nothing created', (name, source) => {
    const engine = fakeEngine({})
    const result = runKubectl(['apply', '-f', 'ok.yaml', '-f', name], {
      engine,
      readFile: (p) => (p === 'ok.yaml' ? 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n' : tooLarge()),
      readStdin: tooLarge,
    })
    expect(result).toEqual({
      stdout: '',
      stderr: `Error from server (RequestEntityTooLarge): error when creating "${source}": Request entity too large: limit is 3145728\n`,
      exitCode: 1,
    })
    expect(engine.created).toEqual([])
  })
})
