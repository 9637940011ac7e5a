// runKubectl against real kubectl v1.32.5, byte for byte: every case of testdata/cases.json and
// printers/testdata/cases.json was run by scripts/golden/run.mjs with the real binary against a fake API server
// holding the same state this test gives the fake Engine. stdout, stderr and the exit code must all match, each
// object apply POSTed must equal the body the real kubectl sent (last-applied annotation included), and each
// delete must name the object and carry the gracePeriodSeconds of the real kubectl's DELETE; each PATCH apply
// sends must be the real kubectl's, byte for byte, with its content type and fieldValidation.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { patchBody } from './apply-patch'
import { fakeEngine, type FakeState } from './testing/fake-engine'
import { runKubectl } from './run-kubectl'

interface GoldenCase {
  name: string
  args: string[]
  table?: string
  tables?: Record<string, string>
  objects?: string
  files?: string[]
  stdin?: string
  createErrors?: FakeState['createErrors']
  /** Recorded for another test only (a verb Podlab lacks). */
  podlab?: boolean
}

function suite(dir: string) {
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8')
  const cases: GoldenCase[] = JSON.parse(read('cases.json'))
  return cases.filter((c) => c.podlab !== false).map((c) => {
    const meta = JSON.parse(read(`${c.name}.meta.json`)) as { exitCode: number; requests: RecordedRequest[] }
    const stderrFile = path.join(dir, `${c.name}.stderr.golden`)
    const run = () => {
      const engine = fakeEngine({
        objects: c.objects ? JSON.parse(read(c.objects)) : [],
        table: c.table ? JSON.parse(read(`${c.table}.table.json`)) : undefined,
        tables: c.tables ? Object.fromEntries(Object.entries(c.tables).map(([r, t]) => [r, JSON.parse(read(`${t}.table.json`))])) : undefined,
        createErrors: c.createErrors,
      })
      const result = runKubectl(c.args, {
        engine,
        readFile: (p) => {
          if (!(c.files ?? []).includes(p)) throw new Error(`no such file ${p}`)
          return read(path.join('manifests', p))
        },
        readStdin: () => (c.stdin ? read(path.join('manifests', c.stdin)) : ''),
      })
      return { engine, result }
    }
    return {
      name: c.name,
      run,
      want: {
        stdout: read(`${c.name}.golden`),
        stderr: fs.existsSync(stderrFile) ? fs.readFileSync(stderrFile, 'utf8') : '',
        exitCode: meta.exitCode,
      },
      posted: meta.requests.filter((r) => r.method === 'POST').map((r) => r.body),
      postedDryRun: meta.requests.filter((r) => r.method === 'POST').map((r) => r.query.dryRun),
      deletes: meta.requests.filter((r) => r.method === 'DELETE'),
      patches: meta.requests.filter((r) => r.method === 'PATCH').map(patchCall),
    }
  })
}

interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body?: unknown
  /** PATCH only: the Content-Type header and the body's bytes as sent. */
  contentType?: string
  rawBody?: string
}

const PATCH_TYPES: Record<string, string> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
}

/** A recorded PATCH as the engine call it stands for: which object, the patch type, the body's bytes, the options. */
function patchCall(r: RecordedRequest) {
  const m = /^\/(?:api\/v1|apis\/[^/]+\/[^/]+)\/(?:namespaces\/([^/]+)\/)?([^/]+)\/([^/]+)$/.exec(r.path)
  if (!m || r.rawBody === undefined) throw new Error(`not a recorded object PATCH: ${r.path}`)
  return { resource: m[2], namespace: m[1], name: m[3], patchType: PATCH_TYPES[r.contentType ?? ''], body: r.rawBody, fieldValidation: r.query.fieldValidation, dryRun: r.query.dryRun }
}

/** A recorded DELETE as the engine call it stands for: which object, and the grace period (body or query). */
function deleteCall(r: RecordedRequest) {
  const m = /^\/(?:api\/v1|apis\/[^/]+\/[^/]+)\/(?:namespaces\/([^/]+)\/)?([^/]+)\/([^/]+)$/.exec(r.path)
  if (!m) throw new Error(`not an object path: ${r.path}`)
  const body = (r.body ?? {}) as { gracePeriodSeconds?: number; propagationPolicy?: string; dryRun?: string[] }
  // kubectl sends Background unless --cascade says otherwise; the engine's delete is always background.
  expect(body.propagationPolicy).toBe('Background')
  const grace = body.gracePeriodSeconds ?? (r.query.gracePeriodSeconds === undefined ? undefined : Number(r.query.gracePeriodSeconds))
  return { resource: m[2], namespace: m[1], name: m[3], gracePeriodSeconds: grace, dryRun: body.dryRun?.[0] }
}

const all = [
  ...suite(path.join(__dirname, 'testdata')),
  ...suite(path.join(__dirname, 'printers', 'testdata')),
  ...suite(path.join(__dirname, 'cmd', 'get', 'testdata')),
  ...suite(path.join(__dirname, 'cmd', 'apply', 'testdata-yaml')),
]

describe('runKubectl matches real kubectl 1.32 (testdata/*.golden)', () => {
  it.each(all.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { engine, result } = c.run()
    expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual(c.want)
    expect(engine.created).toEqual(c.posted)
    const deleted = engine.deleted.map((d) => ({ resource: d.resource, namespace: d.namespace, name: d.name, gracePeriodSeconds: d.options.gracePeriodSeconds, dryRun: d.options.dryRun }))
    expect(deleted).toEqual(c.deletes.map(deleteCall))
    const patched = engine.patched.map((p) => ({ resource: p.resource, namespace: p.namespace, name: p.name, patchType: p.patchType, body: patchBody(p.patch), fieldValidation: p.options.fieldValidation, dryRun: p.options.dryRun }))
    expect(patched).toEqual(c.patches)
    // --dry-run=server: every create carries dryRun=All as the real kubectl's POSTs did.
    expect(engine.createOptions.map((o) => o.dryRun)).toEqual(c.postedDryRun)
    // No recorded case leaves kubectl waiting on an object that stays (the fake server serves no watch).
    expect(engine.advancedMs).toBe(0)
  })

  it('the PATCH check has cases: every apply golden that patches is compared', () => {
    expect(all.filter((c) => c.patches.length > 0).map((c) => c.name)).toEqual(['apply-configured', 'apply-configured-dropped', 'apply-configured-unannotated', 'apply-configured-deleting', 'apply-dry-server-configured'])
  })
})
