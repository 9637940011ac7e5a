// `kubectl create` against real kubectl v1.32.5, byte for byte: every case of testdata/cases.json was run by
// scripts/golden/run.mjs with the real binary against the fake API server, and runs here through runKubectl with
// the fake Engine holding the same state. stdout, stderr and the exit code must match; each object sent must be
// the one the real kubectl POSTed (its JSON body for `-f`; the kind, name and namespace of the protobuf body the
// typed clients of the subcommands send), with the same fieldValidation; a client dry run sends nothing.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runKubectl } from '../../run-kubectl'
import { fakeEngine, type FakeState } from '../../testing/fake-engine'

interface GoldenCase {
  name: string
  args: string[]
  files?: string[]
  stdin?: string
  createErrors?: FakeState['createErrors']
}

interface RecordedPost {
  method: string
  path: string
  query: Record<string, string>
  body: { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } }
  contentType?: string
}

const DIR = path.join(__dirname, 'testdata')
const read = (f: string) => fs.readFileSync(path.join(DIR, f), 'utf8')
const cases: GoldenCase[] = JSON.parse(read('cases.json'))

/** Runs a case as run.mjs ran the real kubectl: files in the working folder, stdin from a manifest. */
export function runCase(c: GoldenCase) {
  const engine = fakeEngine({ createErrors: c.createErrors })
  const result = runKubectl(c.args, {
    engine,
    readFile: (p) => {
      if (!(c.files ?? []).includes(p)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' })
      return read(path.join('manifests', p))
    },
    readStdin: () => (c.stdin ? read(path.join('manifests', c.stdin)) : ''),
  })
  return { engine, result }
}

/** What the engine was asked to create, as the request the real kubectl sent would say it. */
function sentAs(object: unknown, protobuf: boolean) {
  const o = object as RecordedPost['body']
  if (!protobuf) return object
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name }
}

describe('kubectl create matches real kubectl 1.32 (cmd/create/testdata/*.golden)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const meta = JSON.parse(read(`${c.name}.meta.json`)) as { exitCode: number; requests: RecordedPost[] }
    const stderrFile = path.join(DIR, `${c.name}.stderr.golden`)
    const want = { stdout: read(`${c.name}.golden`), stderr: fs.existsSync(stderrFile) ? fs.readFileSync(stderrFile, 'utf8') : '', exitCode: meta.exitCode }
    const { engine, result } = runCase(c)
    expect(result).toEqual(want)

    const posts = meta.requests.filter((r) => r.method === 'POST')
    const protobuf = (r: RecordedPost) => (r.contentType ?? '').startsWith('application/vnd.kubernetes.protobuf')
    expect(engine.created.map((o, i) => sentAs(o, posts[i] ? protobuf(posts[i]) : false))).toEqual(
      posts.map((r) => (protobuf(r) ? { apiVersion: r.body.apiVersion, kind: r.body.kind, name: r.body.metadata.name } : r.body)),
    )
    // The request's namespace is the object's (the engine takes it from the body).
    expect(engine.created.map((o) => (o as RecordedPost['body']).metadata.namespace ?? '')).toEqual(
      posts.map((r) => /\/namespaces\/([^/]+)\/[^/]+$/.exec(r.path)?.[1] ?? ''),
    )
    expect(engine.createOptions.map((o) => o.fieldValidation)).toEqual(posts.map((r) => r.query.fieldValidation))
  })

  it('the cases cover every subcommand Podlab has, each output format and a real create of each', () => {
    const names = cases.map((c) => c.name)
    for (const what of ['deployment', 'job', 'namespace', 'configmap', 'secret', 'file']) {
      for (const o of ['yaml', 'json', 'name', 'plain']) expect(names).toContain(`create-${what}-${o}`)
    }
    for (const what of ['deployment', 'job', 'namespace', 'configmap', 'secret', 'file']) {
      expect(names.some((n) => n.startsWith(`create-${what}`) && JSON.parse(read(`${n}.meta.json`)).requests.length > 0)).toBe(true)
    }
  })
})
