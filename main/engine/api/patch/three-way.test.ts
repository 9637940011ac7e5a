// createThreeWayMergePatch on API objects: what kubectl apply sends, checked against the real kubectl's requests
// recorded in main/kubectl/testdata (the goldens' meta files) and against hand-made Pod cases.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { isJsonMap, type JsonMap } from './go-json'
import { applyStrategicMergePatch, createThreeWayMergePatch, keepsIdentity } from './strategic'

const POD = 'io.k8s.api.core.v1.Pod'
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'
const KUBECTL_TESTDATA = join(__dirname, '..', '..', '..', 'kubectl', 'testdata')

interface GoldenCase {
  name: string
  args: string[]
  files?: string[]
  objects?: string
}
interface Recorded {
  method: string
  path: string
  body?: unknown
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(KUBECTL_TESTDATA, file), 'utf8'))

/** encoding/json with sorted keys and a newline, as kubectl writes the annotation (no <, >, & in these manifests). */
function goJson(v: unknown): string {
  const sort = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(sort) : isJsonMap(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sort(x[k])])) : x
  return JSON.stringify(sort(v))
}

/** kubectl's GetModifiedConfiguration: the manifest (namespace defaulted) annotated with its own JSON. */
function modifiedConfiguration(manifest: JsonMap): JsonMap {
  const object = structuredClone(manifest)
  const metadata = object.metadata as JsonMap
  metadata.namespace ??= 'default'
  metadata.annotations = {}
  const annotation = `${goJson(object)}\n`
  metadata.annotations = { [LAST_APPLIED]: annotation }
  return object
}

describe('createThreeWayMergePatch gives the patch the real kubectl 1.32 sent (main/kubectl/testdata goldens)', () => {
  const cases = (readJson('cases.json') as GoldenCase[]).filter(
    // A client dry run computes no patch at all.
    (c) => c.args[0] === 'apply' && c.objects && c.files?.length === 1 && !c.args.includes('--dry-run=client'),
  )
  const live = (c: GoldenCase, manifest: JsonMap) =>
    (readJson(c.objects as string) as JsonMap[]).find(
      (o) => o.kind === manifest.kind && (o.metadata as JsonMap).name === (manifest.metadata as JsonMap).name,
    )
  const runs = cases.flatMap((c) => {
    const manifest = load(readFileSync(join(KUBECTL_TESTDATA, 'manifests', c.files?.[0] ?? ''), 'utf8')) as JsonMap
    const current = live(c, manifest)
    const requests = (readJson(`${c.name}.meta.json`) as { requests: Recorded[] }).requests
    return current && requests.some((r) => r.method === 'GET') ? [[c.name, manifest, current, requests] as const] : []
  })

  it('covers the goldens that patch (apply-configured) and the one that does not (apply-unchanged)', () => {
    expect(runs.map(([name]) => name).sort()).toEqual(['apply-configured', 'apply-dry-server-configured', 'apply-unchanged'])
  })

  it.each(runs.map((r) => [r[0], r] as const))('%s: same patch bytes as the recorded PATCH, or {} when kubectl sent none', (_, run) => {
    const [, manifest, current, requests] = run
    const annotations = (current.metadata as JsonMap).annotations as JsonMap
    const original = JSON.parse(annotations[LAST_APPLIED] as string) as JsonMap
    const patch = createThreeWayMergePatch(original, modifiedConfiguration(manifest), current, POD)
    const sent = requests.find((r) => r.method === 'PATCH')
    expect(JSON.stringify(patch)).toBe(sent ? JSON.stringify(sent.body) : '{}')
    expect(keepsIdentity(patch)).toBe(true)
  })
})

describe('createThreeWayMergePatch on a Pod (kubectl apply, overwrite=true)', () => {
  const manifest = (labels: JsonMap, containers: JsonMap[]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', labels }, spec: { containers } })

  it('deletes a label the last apply set and the manifest dropped, keeping labels someone else added', () => {
    const original = manifest({ app: 'web', tier: 'fe' }, [{ name: 'c', image: 'nginx' }])
    const modified = manifest({ app: 'web' }, [{ name: 'c', image: 'nginx' }])
    const current = { ...original, metadata: { name: 'x', labels: { app: 'web', tier: 'fe', team: 'a' } } }
    const patch = createThreeWayMergePatch(original, modified, current, POD)
    expect(patch).toEqual({ metadata: { labels: { tier: null } } })
    expect(applyStrategicMergePatch(current, patch, POD).metadata.labels).toEqual({ app: 'web', team: 'a' })
  })

  it('deletes a dropped container with $patch: delete and keeps the manifest’s order with $setElementOrder', () => {
    const original = manifest({}, [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }])
    const modified = manifest({}, [{ name: 'b', image: 'y2' }])
    const patch = createThreeWayMergePatch(original, modified, original, POD)
    expect(patch).toEqual({
      spec: {
        '$setElementOrder/containers': [{ name: 'b' }],
        containers: [{ image: 'y2', name: 'b' }, { $patch: 'delete', name: 'a' }],
      },
    })
    expect(applyStrategicMergePatch(original, patch, POD).spec.containers).toEqual([{ name: 'b', image: 'y2' }])
  })

  it('sends nothing for fields the server defaulted (they are in current only)', () => {
    const original = manifest({ app: 'web' }, [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }])
    const current = manifest({ app: 'web' }, [{ name: 'c', image: 'nginx', imagePullPolicy: 'Always', ports: [{ containerPort: 80, protocol: 'TCP' }] }])
    expect(createThreeWayMergePatch(original, original, current, POD)).toEqual({})
  })

  it('keepsIdentity is false for a patch that renames the object or changes its kind', () => {
    expect(keepsIdentity({ metadata: { name: 'y' } })).toBe(false)
    expect(keepsIdentity({ kind: 'Service' })).toBe(false)
    expect(keepsIdentity({ metadata: { labels: { a: 'b' } } })).toBe(true)
  })

  it('leaves its arguments unchanged', () => {
    const original = manifest({ app: 'web' }, [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }])
    const modified = manifest({}, [{ name: 'b', image: 'y' }])
    const snapshot = JSON.stringify([original, modified])
    createThreeWayMergePatch(original, modified, original, POD)
    expect(JSON.stringify([original, modified])).toBe(snapshot)
  })
})
