// `kubectl diff` on a Podlab engine: the MERGED version is the API server's own dry run (defaults, generation,
// uid), nothing is written by it, and the same history prints the same temp directory names.

import { describe, expect, it } from 'vitest'
import { openCluster } from '../../../engine'
import type { Engine } from '../../../engine'
import { tmpFile } from '../../../engine/testing/cluster'
import { runKubectl } from '../../run-kubectl'

const DEPLOYMENT = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
`

function kubectl(engine: Engine, stdin: string, ...args: string[]) {
  return runKubectl(args, { engine, readFile: () => '', readStdin: () => stdin })
}

describe('kubectl diff on a Podlab cluster', () => {
  it('an applied manifest diffs as equal (exit 0), a changed image as the patch the API server would make (exit 1)', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    expect(kubectl(engine, DEPLOYMENT('nginx:1.27'), 'apply', '-f', '-').stdout).toBe('deployment.apps/web created\n')
    engine.advance(30_000)
    expect(kubectl(engine, DEPLOYMENT('nginx:1.27'), 'diff', '-f', '-')).toEqual({ stdout: '', stderr: '', exitCode: 0 })

    const rv = engine.info().resourceVersion
    const changed = kubectl(engine, DEPLOYMENT('nginx:1.28'), 'diff', '-f', '-')
    expect(changed.exitCode).toBe(1)
    expect(changed.stdout).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web\n/)
    // PrepareForUpdate bumps the generation of a spec change; the image is the change itself.
    expect(changed.stdout).toContain('\n-  generation: 1\n+  generation: 2\n')
    expect(changed.stdout).toContain('\n-      - image: nginx:1.27\n+      - image: nginx:1.28\n')
    // The dry run wrote nothing.
    expect(engine.info().resourceVersion).toBe(rv)
    expect((engine.get('deployments', 'default', 'web').spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]!.image).toBe('nginx:1.27')
    engine.close()
  })

  it('an object that does not exist diffs against an empty LIVE file, as the dry-run create answers it (defaults, uid)', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const result = kubectl(engine, DEPLOYMENT('nginx'), 'diff', '-f', '-')
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('\n@@ -0,0 +1,')
    expect(result.stdout).toContain('\n+  progressDeadlineSeconds: 600\n')
    expect(result.stdout).toMatch(/\n\+  uid: [0-9a-f-]{36}\n/)
    expect(result.stdout).not.toContain('resourceVersion')
    expect(() => engine.get('deployments', 'default', 'web')).toThrow(/not found/)
    engine.close()
  })

  it('the temp directories are named from the cluster, not the wall clock: the same state prints the same names', () => {
    const names = () => {
      const engine = openCluster(tmpFile(), { mode: 'manual', seed: '42' })
      const out = kubectl(engine, DEPLOYMENT('nginx'), 'diff', '-f', '-').stdout.split('\n')[0]
      engine.close()
      return out
    }
    expect(names()).toBe(names())
  })

  it('KUBECTL_EXTERNAL_DIFF is not run: Podlab says so and prints diff -u -N\'s output', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const result = runKubectl(['diff', '-f', '-'], { engine, readFile: () => '', readStdin: () => DEPLOYMENT('nginx'), env: { KUBECTL_EXTERNAL_DIFF: 'meld' } })
    expect(result.stderr).toBe('Warning: Podlab runs no external programs: KUBECTL_EXTERNAL_DIFF="meld" is ignored and the diff below is diff -u -N\'s\n')
    expect(result.stdout).toMatch(/^diff -u -N /)
    engine.close()
  })

  it('an error of the dry run is kubectl diff\'s error, exit 2: a namespace that does not exist', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const result = kubectl(engine, DEPLOYMENT('nginx'), '-n', 'nowhere', 'diff', '-f', '-')
    expect(result).toEqual({ stdout: '', stderr: 'Error from server (NotFound): namespaces "nowhere" not found\n', exitCode: 2 })
    engine.close()
  })
})
