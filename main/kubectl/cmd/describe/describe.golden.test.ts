// `kubectl describe` against real kubectl v1.32.5, byte for byte: each case of testdata/cases.json was run by
// scripts/golden/run.mjs with the real binary against the fake API server holding testdata/objects.json, which
// the Podlab engine produced (testdata/make-objects.sh). kubectl ages things by its wall clock, so the server
// served the objects shifted onto the second the recording started (meta.json `now`); this test shifts them the
// same way and runs Podlab's kubectl with the fake engine's clock at that `now`. stdout, stderr and the exit code
// must match, and the LISTs describe sends must carry kubectl's own label and field selectors.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../kube'
import { fakeEngine } from '../../testing/fake-engine'
import { runKubectl } from '../../run-kubectl'

const DIR = path.join(__dirname, 'testdata')
const read = (f: string) => fs.readFileSync(path.join(DIR, f), 'utf8')

interface Case {
  name: string
  args: string[]
  objects: string
  now: string
  files?: string[]
}

interface Meta {
  exitCode: number
  now: string
  requests: Array<{ method: string; path: string; query: Record<string, string> }>
}

const TIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z$/

/** fake-describe.mjs shiftTimes: every RFC 3339 string moved by `ms`, its fraction digits kept. */
function shiftTimes(value: unknown, ms: number): unknown {
  if (typeof value === 'string') {
    const m = TIME.exec(value)
    return m ? `${new Date(Date.parse(`${m[1]}Z`) + ms).toISOString().slice(0, 19)}${m[2] ?? ''}Z` : value
  }
  if (Array.isArray(value)) return value.map((v) => shiftTimes(v, ms))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftTimes(v, ms)]))
  return value
}

const cases: Case[] = JSON.parse(read('cases.json'))

function run(c: Case) {
  const meta: Meta = JSON.parse(read(`${c.name}.meta.json`))
  const objects = shiftTimes(JSON.parse(read(c.objects)), Date.parse(meta.now) - Date.parse(c.now)) as KubeObject[]
  const engine = fakeEngine({ objects, now: meta.now })
  const result = runKubectl(c.args, {
    engine,
    readFile: (p) => {
      if (!(c.files ?? []).includes(p)) throw new Error(`no such file ${p}`)
      return read(path.join('manifests', p))
    },
    readStdin: () => '',
  })
  return { engine, result, meta }
}

/** A field selector's terms sorted: kubectl builds the events one from a Go map (fields.Set), in random order. */
const terms = (selector: string | undefined) => selector?.split(',').sort().join(',')

/** The selectors of kubectl's LIST requests (pods, events, replicasets), in order. */
function recordedLists(meta: Meta) {
  return meta.requests
    .filter((r) => r.method === 'GET' && /\/(pods|events|replicasets)$/.test(r.path))
    .map((r) => ({ resource: /\/(\w+)$/.exec(r.path)![1], fieldSelector: terms(r.query.fieldSelector), labelSelector: r.query.labelSelector }))
}

describe('kubectl describe matches real kubectl 1.32 (cmd/describe/testdata/*.golden)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { engine, result, meta } = run(c)
    const stderrFile = path.join(DIR, `${c.name}.stderr.golden`)
    expect(result).toEqual({
      stdout: read(`${c.name}.golden`),
      stderr: fs.existsSync(stderrFile) ? fs.readFileSync(stderrFile, 'utf8') : '',
      exitCode: meta.exitCode,
    })
    const listed = engine.listed
      .filter((l) => ['pods', 'events', 'replicasets'].includes(l.resource) && (l.options.fieldSelector || l.options.labelSelector || l.resource === 'replicasets'))
      .map((l) => ({ resource: l.resource, fieldSelector: terms(l.options.fieldSelector), labelSelector: l.options.labelSelector }))
    const recorded = recordedLists(meta).filter((r) => r.fieldSelector || r.labelSelector || r.resource === 'replicasets')
    expect(listed).toEqual(recorded)
  })

  it('has a case for every describer and for prefix matching, selectors, files and errors', () => {
    const names = cases.map((c) => c.name)
    for (const want of ['describe-pod-notes', 'describe-pod-probes', 'describe-pod-crashloop', 'describe-pod-imagepull', 'describe-node', 'describe-deployment', 'describe-job', 'describe-pod-prefix', 'describe-pod-notfound']) {
      expect(names).toContain(want)
    }
  })
})
