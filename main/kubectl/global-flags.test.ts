// kubectl's persistent flags on Podlab's one-context kubeconfig: the texts the real kubectl 1.32.5 prints for a
// context, cluster or user its kubeconfig lacks, and for a bad --request-timeout (recorded by hand against a
// kubeconfig whose context, cluster and user are all `podlab`).

import { describe, expect, it } from 'vitest'
import { runKubectl } from './run-kubectl'
import { fakeEngine } from './testing/fake-engine'

const run = (...args: string[]) => runKubectl(args, { engine: fakeEngine({ objects: [] }), readFile: () => '', readStdin: () => '' })

describe('kubectl global flags (genericclioptions.ConfigFlags, klog -v)', () => {
  it('takes --context podlab before or after the verb, and -v, --request-timeout, --cache-dir, as kubectl does', () => {
    for (const args of [['--context', 'podlab', 'get', 'pods'], ['get', 'pods', '--context=podlab'], ['-v=6', 'get', 'pods'], ['get', 'pods', '--request-timeout=5s', '--cache-dir', '/tmp/x'], ['--cluster', 'podlab', '--user', 'podlab', 'get', 'pods']]) {
      expect(run(...args), args.join(' ')).toEqual(run('get', 'pods'))
    }
  })

  it('answers a context, cluster or user the kubeconfig lacks as clientcmd does', () => {
    expect(run('get', 'pods', '--context', 'nope')).toMatchObject({ stdout: '', stderr: 'Error in configuration: context was not found for specified context: nope\n', exitCode: 1 })
    expect(run('--cluster', 'nope', 'get', 'pods')).toMatchObject({ stderr: 'error: no server found for cluster "nope"\n', exitCode: 1 })
    expect(run('get', 'pods', '--user=nope')).toMatchObject({ stderr: 'error: auth info "nope" does not exist\n', exitCode: 1 })
  })

  it('refuses a --request-timeout that is neither seconds nor a Go duration', () => {
    expect(run('get', 'pods', '--request-timeout=abc')).toMatchObject({
      stderr: 'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n',
      exitCode: 1,
    })
    expect(run('get', 'pods', '--request-timeout=30').exitCode).toBe(0)
  })

  it('says plainly that --kubeconfig and --server are not Podlab\'s to follow', () => {
    expect(run('--kubeconfig', '/tmp/x', 'get', 'pods').stderr).toMatch(/^error: --kubeconfig .* is not supported by Podlab yet\n$/)
    expect(run('get', 'pods', '-s', 'https://example').stderr).toMatch(/^error: --server .* is not supported by Podlab yet\n$/)
  })

  it('leaves config set-context its own --cluster and --user', () => {
    expect(run('config', 'set-context', '--current', '--cluster=other').stderr).not.toContain('no server found')
  })
})
