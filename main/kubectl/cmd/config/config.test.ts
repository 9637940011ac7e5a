// `kubectl config ...` and `kubectl cluster-info` against real kubectl 1.32.5, byte for byte
// (testdata/*.golden, recorded with testdata/podlab.kubeconfig: Podlab's kubeconfig, its server the fake API
// server's), and set-context's namespace reaching the verbs that follow.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runKubectl } from '../../run-kubectl'
import { fakeEngine } from '../../testing/fake-engine'
import { replaySuite } from '../../testing/replay-suite'
import { memoryKubeconfig } from './kubeconfig'

const cases = replaySuite(path.join(__dirname, 'testdata'))

describe('kubectl config / cluster-info match real kubectl 1.32 (cmd/config/testdata)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.run().result).toEqual(c.want)
  })
})

describe('config set-context --current --namespace', () => {
  const pod = (namespace: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `in-${namespace}`, namespace }, spec: {} })

  it('changes the namespace later verbs of the same door use, and shows it in get-contexts and view', () => {
    const engine = fakeEngine({ objects: [pod('default'), pod('kube-system')] as never })
    const kubeconfig = memoryKubeconfig('http://127.0.0.1:16443')
    const kubectl = (...args: string[]) => runKubectl(args, { engine, readFile: () => '', readStdin: () => '', kubeconfig })
    expect(kubectl('get', 'pods', '-o', 'name').stdout).toBe('pod/in-default\n')
    expect(kubectl('config', 'set-context', '--current', '--namespace=kube-system')).toEqual({ stdout: 'Context "podlab" modified.\n', stderr: '', exitCode: 0 })
    expect(kubectl('get', 'pods', '-o', 'name').stdout).toBe('pod/in-kube-system\n')
    expect(kubectl('config', 'get-contexts').stdout).toBe('CURRENT   NAME     CLUSTER   AUTHINFO   NAMESPACE\n*         podlab   podlab    podlab     kube-system\n')
    expect(kubectl('config', 'view').stdout).toContain('- context:\n    cluster: podlab\n    namespace: kube-system\n    user: podlab\n')
    expect(kubectl('config', 'view', '-o', 'json').stdout).toContain('"cluster": "podlab",\n                "user": "podlab",\n                "namespace": "kube-system"\n')
    // --namespace= clears it: back to default.
    kubectl('config', 'set-context', 'podlab', '--namespace=')
    expect(kubectl('get', 'pods', '-o', 'name').stdout).toBe('pod/in-default\n')
  })

  it('says so plainly on a door that keeps no kubeconfig', () => {
    const result = runKubectl(['config', 'set-context', '--current', '--namespace=x'], { engine: fakeEngine({}), readFile: () => '', readStdin: () => '' })
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toBe('error: this Podlab door keeps no kubeconfig: its context cannot be modified here yet\n')
  })
})

describe('kubectl config <subcommand> --help prints the real kubectl 1.32 help (testdata/help)', () => {
  const golden = (name: string) => fs.readFileSync(path.join(__dirname, '../../testdata/help', `${name}.golden`), 'utf8')
  it.each(['view', 'current-context', 'get-contexts', 'get-clusters', 'get-users', 'set-context'])('config %s', (sub) => {
    expect(runKubectl(['config', sub, '--help'], { engine: fakeEngine({}), readFile: () => '', readStdin: () => '' })).toEqual({ stdout: golden(`config-${sub}`), stderr: '', exitCode: 0 })
  })
  it('cluster-info', () => {
    expect(runKubectl(['cluster-info', '-h'], { engine: fakeEngine({}), readFile: () => '', readStdin: () => '' }).stdout).toBe(golden('cluster-info'))
  })
})
