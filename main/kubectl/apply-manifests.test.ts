// applyManifests, the contract call the UI and CLI use: one outcome per document in kubectl's words
// (k8s-behaviour.md §11, §12; kubectl pkg/cmd/apply/apply.go), and the object client-side apply writes.
// Byte-level agreement with real kubectl is checked in run-kubectl.test.ts; this covers the per-document view.
import { describe, expect, it } from 'vitest'
import { ApiError } from '../engine/api/errors'
import { applyManifests } from './apply-manifests'
import { fakeEngine } from './testing/fake-engine'
import { LAST_APPLIED, lastAppliedConfiguration } from './last-applied'

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: c\n    image: nginx\n'

describe('applyManifests outcomes', () => {
  it('creates, then reports each document in order with its own error text', () => {
    const engine = fakeEngine({
      createErrors: { 'pods/bad': { reason: 'Invalid', message: 'Pod "bad" is invalid: spec.containers[0].image: Required value', details: { kind: 'Pod', name: 'bad', causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' }] } } },
    })
    const text = `${POD}---\napiVersion: app/v1\nkind: Deployment\nmetadata:\n  name: hello\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\n`
    expect(applyManifests(engine, text, 'all.yaml')).toEqual([
      { ok: true, line: 'pod/x created' },
      {
        ok: false,
        error: {
          reason: 'NoKindMatch',
          message: 'error: resource mapping not found for name: "hello" namespace: "" from "all.yaml": no matches for kind "Deployment" in version "app/v1"\nensure CRDs are installed first',
        },
      },
      { ok: false, error: { reason: 'Invalid', message: 'The Pod "bad" is invalid: spec.containers[0].image: Required value' } },
    ])
  })

  it('applies the documents before a YAML error and ends with one ParseError outcome', () => {
    const outcomes = applyManifests(fakeEngine({}), `${POD}---\na: [\n`, '-')
    expect(outcomes[0]).toEqual({ ok: true, line: 'pod/x created' })
    expect(outcomes[1]).toMatchObject({ ok: false, error: { reason: 'ParseError' } })
    // go-yaml's words (cmd/apply/testdata-yaml/apply-yamlerr-second-unclosed-at-end-stdin, real kubectl 1.32).
    expect((outcomes[1] as { error: { message: string } }).error.message).toBe('error: error parsing STDIN: error converting YAML to JSON: yaml: line 1: did not find expected node content')
    expect(outcomes).toHaveLength(2)
  })

  it('sends the manifest with the last-applied annotation, its namespace and Strict validation', () => {
    const engine = fakeEngine({})
    applyManifests(engine, POD, 'pod.yaml')
    const sent = engine.created[0] as { metadata: { namespace: string; annotations: Record<string, string> } }
    expect(sent.metadata.namespace).toBe('default')
    expect(sent.metadata.annotations[LAST_APPLIED]).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"x","namespace":"default"},"spec":{"containers":[{"image":"nginx","name":"c"}]}}\n',
    )
  })

  it('is unchanged when re-applied over what the server defaulted, configured when the manifest changed', () => {
    const engine = fakeEngine({})
    applyManifests(engine, POD, 'pod.yaml')
    const stored = structuredClone(engine.created[0]) as Record<string, any>
    stored.spec.containers[0].imagePullPolicy = 'Always'
    stored.spec.restartPolicy = 'Always'
    stored.status = { phase: 'Running' }
    const again = fakeEngine({ objects: [stored as never] })
    expect(applyManifests(again, POD, 'pod.yaml')).toEqual([{ ok: true, line: 'pod/x unchanged' }])
    expect(again.patched).toEqual([])
    expect(applyManifests(again, POD.replace('image: nginx', 'image: nginx:1.28'), 'pod.yaml')).toEqual([{ ok: true, line: 'pod/x configured' }])
    // The three-way strategic merge patch, not the whole object: the defaulted fields and status stay the server's.
    const [call] = again.patched
    expect(call).toMatchObject({ resource: 'pods', namespace: 'default', name: 'x', patchType: 'strategic', options: { fieldValidation: 'Strict' } })
    const patch = call!.patch as Record<string, any>
    expect(patch.spec).toEqual({ '$setElementOrder/containers': [{ name: 'c' }], containers: [{ image: 'nginx:1.28', name: 'c' }] })
    expect(Object.keys(patch)).toEqual(['metadata', 'spec'])
    expect(patch.metadata.annotations[LAST_APPLIED]).toContain('"image":"nginx:1.28"')
  })

  it('deletes a field the manifest no longer has since the last apply (null in the patch)', () => {
    const withLabel = POD.replace('  name: x\n', '  name: x\n  labels:\n    app: web\n')
    const engine = fakeEngine({})
    applyManifests(engine, withLabel, 'pod.yaml')
    const again = fakeEngine({ objects: [structuredClone(engine.created[0]) as never] })
    expect(applyManifests(again, POD, 'pod.yaml')).toEqual([{ ok: true, line: 'pod/x configured' }])
    expect((again.patched[0]!.patch as { metadata: Record<string, unknown> }).metadata.labels).toBeNull()
  })

  it('reports "no objects passed to apply" for a file of empty documents', () => {
    expect(applyManifests(fakeEngine({}), '# nothing\n---\n', 'e.yaml')).toEqual([
      { ok: false, error: { reason: 'BadRequest', message: 'error: no objects passed to apply' } },
    ])
  })

  it('retries a Conflict 5 times with a fresh GET (patcher.go maxPatchRetry), then frames the error as apply and Patch do', () => {
    const engine = fakeEngine({})
    applyManifests(engine, POD, 'pod.yaml')
    const again = fakeEngine({ objects: [structuredClone(engine.created[0]) as never] })
    let gets = 0
    const get = again.get
    again.get = (...args) => (gets++, get(...args))
    again.patch = (...args) => {
      again.patched.push({ resource: args[0], namespace: args[1], name: args[2], patchType: args[3], patch: args[4], options: args[5] ?? {} })
      throw new ApiError('Conflict', 'Operation cannot be fulfilled on pods "x": the object has been modified')
    }
    const [outcome] = applyManifests(again, POD.replace('image: nginx', 'image: busybox'), 'pod.yaml')
    expect(outcome).toMatchObject({ ok: false, error: { reason: 'Conflict' } })
    expect((outcome as { error: { message: string } }).error.message).toMatch(
      /^Error from server \(Conflict\): error when applying patch:\n\{.*"image":"busybox".*\}\nto:\nResource: "\/v1, Resource=pods", GroupVersionKind: "\/v1, Kind=Pod"\nName: "x", Namespace: "default"\nfor: "pod.yaml": error when patching "pod.yaml": Operation cannot be fulfilled/,
    )
    expect({ patches: again.patched.length, gets }).toEqual({ patches: 6, gets: 6 })
  })

  it('after a Conflict, recomputes the patch from the object GET returns again and succeeds', () => {
    const engine = fakeEngine({})
    applyManifests(engine, POD, 'pod.yaml')
    const stored = structuredClone(engine.created[0]) as Record<string, any>
    const again = fakeEngine({ objects: [stored as never] })
    const patch = again.patch
    again.patch = (...args) => {
      if (again.patched.length > 0) return patch(...args)
      again.patched.push({ resource: args[0], namespace: args[1], name: args[2], patchType: args[3], patch: args[4], options: args[5] ?? {} })
      // Someone else changed the image to the one this apply wants in the meantime.
      stored.spec.containers[0].image = 'busybox'
      throw new ApiError('Conflict', 'Operation cannot be fulfilled on pods "x": the object has been modified')
    }
    expect(applyManifests(again, POD.replace('image: nginx', 'image: busybox'), 'pod.yaml')).toEqual([{ ok: true, line: 'pod/x configured' }])
    expect(again.patched).toHaveLength(2)
    expect((again.patched[0]!.patch as Record<string, any>).spec).toBeDefined()
    expect((again.patched[1]!.patch as Record<string, any>).spec).toBeUndefined()
  })
})

describe('lastAppliedConfiguration (kubectl pkg/util/apply.go)', () => {
  it('drops its own annotation, keeps an empty annotations map, sorts keys and escapes like Go', () => {
    const obj = { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'x', annotations: { [LAST_APPLIED]: 'old', note: '<b>' } } }
    expect(lastAppliedConfiguration(obj)).toBe('{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{"note":"\\u003cb\\u003e"},"name":"x"}}\n')
  })
})
