// Replays a verb's golden suite (cmd/<verb>/testdata, recorded by scripts/golden/run.mjs from the real kubectl
// 1.32 against the fake API server) through runKubectl on the fake Engine holding the same state, and gives each
// case's result beside what the real kubectl printed and sent: the POSTs (body, with the namespace of the request
// path), the PATCHes (object, patch type, patch as JSON; a `/scale` subresource PATCH is the same patch of the
// object, its PUT the merge patch of replicas and resourceVersion) and the DELETEs.
import fs from 'node:fs'
import path from 'node:path'
import { runKubectl } from '../run-kubectl'
import type { KubectlResult } from '../io'
import type { KubeObject } from '../../kube'
import { fakeEngine, type FakeEngine, type FakeState } from './fake-engine'
import { ApiError } from '../../engine'
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from '../../engine/api/patch'
import { typeForKind } from '../../engine/api/schema'

interface GoldenCase {
  name: string
  args: string[]
  objects?: string
  files?: string[]
  stdin?: string
  createErrors?: FakeState['createErrors']
  /** {"pods/x": [file, key]}: the Status (in that JSON file, under that key) a server-side apply answers. */
  applyErrors?: Record<string, [string, string]>
}

interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body?: unknown
  contentType?: string
  rawBody?: string
}

const PATCH_TYPES: Record<string, string> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
}

const OBJECT_PATH = /^\/(?:api\/v1|apis\/[^/]+\/[^/]+)\/(?:namespaces\/([^/]+)\/)?([^/]+)(?:\/([^/]+))?(?:\/(scale|status))?$/

export interface ReplayedCase {
  name: string
  result: KubectlResult
  engine: FakeEngine
  want: KubectlResult
  /** The real kubectl's POST bodies, each with the namespace of its path. */
  posted: unknown[]
  patches: Array<{ resource: string; namespace: string | undefined; name: string; patchType: string; patch: unknown }>
  deletes: Array<{ resource: string; namespace: string | undefined; name: string }>
  /** The real kubectl's PUT bodies (replace). */
  put: unknown[]
}

export interface ReplayOptions {
  /**
   * The fake API server applied the PATCHes of these verbs (scripts/golden/fake-mutating.mjs): the fake Engine
   * applies them too (with the engine's own patch functions), so later GETs and the printed answer see them.
   */
  applyPatches?: boolean
}

/** Every case of `dir`'s cases.json, run. */
export function replaySuite(dir: string, options: ReplayOptions = {}): ReplayedCase[] {
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8')
  const cases: GoldenCase[] = JSON.parse(read('cases.json'))
  return cases.map((c) => {
    const meta = JSON.parse(read(`${c.name}.meta.json`)) as { exitCode: number; requests: RecordedRequest[] }
    const stderrFile = path.join(dir, `${c.name}.stderr.golden`)
    const applyErrors = c.applyErrors && Object.fromEntries(Object.entries(c.applyErrors).map(([k, [file, key]]) => [k, JSON.parse(read(file))[key]]))
    const engine = fakeEngine({ objects: c.objects ? JSON.parse(read(c.objects)) : [], createErrors: c.createErrors, applyErrors })
    if (options.applyPatches) applyingPatches(engine)
    const result = runKubectl(c.args, {
      engine,
      readFile: (p) => {
        if (!(c.files ?? []).includes(p)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' })
        return read(path.join('manifests', p))
      },
      readStdin: () => (c.stdin ? read(path.join('manifests', c.stdin)) : ''),
    })
    const at = (r: RecordedRequest) => OBJECT_PATH.exec(r.path)
    return {
      name: c.name,
      result,
      engine,
      want: { stdout: read(`${c.name}.golden`), stderr: fs.existsSync(stderrFile) ? fs.readFileSync(stderrFile, 'utf8') : '', exitCode: meta.exitCode },
      posted: meta.requests
        .filter((r) => r.method === 'POST')
        .map((r) => {
          const body = r.body as { metadata: Record<string, unknown> }
          const ns = at(r)?.[1]
          return ns ? { ...body, metadata: { ...body.metadata, namespace: ns } } : body
        }),
      patches: meta.requests
        .filter((r) => r.method === 'PATCH' || (r.method === 'PUT' && at(r)?.[4] === 'scale'))
        .map((r) => {
          const m = at(r)!
          // A Scale's PUT stands for the merge patch of the object that carries its replicas and resourceVersion.
          if (r.method === 'PUT') {
            const scale = r.body as { metadata: { resourceVersion: string }; spec: { replicas: number } }
            return { resource: m[2]!, namespace: m[1], name: m[3]!, patchType: 'merge', patch: { metadata: { resourceVersion: scale.metadata.resourceVersion }, spec: { replicas: scale.spec.replicas } } }
          }
          return { resource: m[2]!, namespace: m[1], name: m[3]!, patchType: PATCH_TYPES[r.contentType ?? '']!, patch: JSON.parse(r.rawBody ?? 'null') }
        }),
      put: meta.requests.filter((r) => r.method === 'PUT' && at(r)?.[4] === undefined).map((r) => r.body),
      deletes: meta.requests
        .filter((r) => r.method === 'DELETE')
        .map((r) => {
          const m = at(r)!
          return { resource: m[2]!, namespace: m[1], name: m[3]! }
        }),
    }
  })
}

/** The fake Engine with PATCH applied to what it serves: an overlay of patched objects over its own. */
export function applyingPatches(engine: FakeEngine): void {
  const overlay = new Map<string, KubeObject>()
  const key = (resource: string, namespace: string | undefined, name: string) => `${resource}/${namespace ?? ''}/${name}`
  const { get, list, patch } = { get: engine.get.bind(engine), list: engine.list.bind(engine), patch: engine.patch.bind(engine) }
  engine.get = (resource, namespace, name, group) => structuredClone(overlay.get(key(resource, namespace, name)) ?? get(resource, namespace, name, group))
  engine.list = (resource, namespace, opts, group) => {
    const listed = list(resource, namespace, opts, group)
    return { ...listed, items: listed.items.map((o) => structuredClone(overlay.get(key(resource, o.metadata.namespace, o.metadata.name!)) ?? o)) }
  }
  engine.patch = (resource, namespace, name, patchType, body, opts) => {
    patch(resource, namespace, name, patchType, body, opts)
    const current = engine.get(resource, namespace, name)
    let patched: KubeObject
    try {
      if (patchType === 'json') patched = applyJsonPatch(current, body)
      else if (patchType === 'merge') patched = applyMergePatch(current, body)
      else patched = applyStrategicMergePatch(current, body, typeForKind(current.apiVersion ?? '', current.kind ?? '')!)
    } catch (e) {
      // The fake server's one answer for a patch that does not apply.
      if (e instanceof ApiError) throw new ApiError('Invalid', 'the server rejected our request due to an error in our request', {})
      throw e
    }
    overlay.set(key(resource, namespace, name), patched)
    return structuredClone(patched)
  }
}
