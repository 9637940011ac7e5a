// kubectl apply on an existing object against the real engine: the three-way strategic merge patch reaches the
// API server's PATCH (fieldValidation=Strict), so what the server defaulted or the kubelet wrote stays, fields
// dropped since the last apply go, and a manifest that did not change sends nothing.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../engine/engine'
import { openCluster } from '../engine/open-cluster'
import { runKubectl } from './run-kubectl'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
    tier: front
spec:
  containers:
  - name: c
    image: nginx:1.27
`

function cluster() {
  const engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-apply-patch-')), 'c.podlab'), { mode: 'manual' })
  opened.push(engine)
  const files: Record<string, string> = {}
  const apply = (text: string) => {
    files['pod.yaml'] = text
    return runKubectl(['apply', '-f', 'pod.yaml'], { engine, readFile: (p) => files[p]!, readStdin: () => '' })
  }
  return { engine, apply }
}

describe('kubectl apply patches an existing object (real engine)', () => {
  it('re-applying the same manifest over a running pod is unchanged and writes nothing', () => {
    const { engine, apply } = cluster()
    expect(apply(POD).stdout).toBe('pod/web created\n')
    engine.advance(30_000)
    const before = engine.get('pods', 'default', 'web').metadata.resourceVersion
    expect(apply(POD)).toEqual({ stdout: 'pod/web unchanged\n', stderr: '', exitCode: 0 })
    expect(engine.get('pods', 'default', 'web').metadata.resourceVersion).toBe(before)
  })

  it('a dropped label is deleted, a new image set, and the server\'s fields and status stay', () => {
    const { engine, apply } = cluster()
    apply(POD)
    engine.advance(30_000)
    const changed = POD.replace('    tier: front\n', '').replace('nginx:1.27', 'nginx:1.28')
    expect(apply(changed)).toEqual({ stdout: 'pod/web configured\n', stderr: '', exitCode: 0 })
    const pod = engine.get('pods', 'default', 'web') as unknown as { metadata: { labels: Record<string, string> }; spec: Record<string, any>; status: { phase: string } }
    expect(pod.metadata.labels).toEqual({ app: 'web' })
    expect(pod.spec.containers[0].image).toBe('nginx:1.28')
    expect(pod.spec.nodeName).toMatch(/^podlab-worker/)
    expect(pod.status.phase).toBe('Running')
    expect(apply(changed).stdout).toBe('pod/web unchanged\n')
  })

  it('an unknown field in the patch is the server\'s strict decoding error, framed as kubectl frames a patch error', () => {
    const { apply } = cluster()
    apply(POD)
    const result = apply(POD.replace('    image: nginx:1.27\n', '    image: nginx:1.27\n    imagePolicy: Always\n'))
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toMatch(/^Error from server \(BadRequest\): error when applying patch:\n\{.*\}\nto:\nResource: "\/v1, Resource=pods", GroupVersionKind: "\/v1, Kind=Pod"\nName: "web", Namespace: "default"\nfor: "pod.yaml": error when patching "pod.yaml": .*unknown field "spec.containers\[0\].imagePolicy"/s)
  })
})
