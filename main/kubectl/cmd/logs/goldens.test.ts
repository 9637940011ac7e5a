// `kubectl logs|exec|top|cordon|uncordon|drain|taint` against real kubectl v1.32.5, byte for byte: every case of
// cmd/{logs,exec,top,drain,taint}/testdata/cases.json was run by scripts/golden/run.mjs with the real binary
// against the fake API server (with fake-podverbs.mjs) serving testdata/cluster.json, objects Podlab made
// (scripts/golden/podverbs-objects.mjs). Here the same state sits behind a fake Engine: stdout, stderr and the
// exit code must match, and so must the requests that matter: each pods/log request's container and options,
// each eviction, each PATCH's body and type. Where Go ranges over a map or runs goroutines (logs of several
// containers or pods, drain's evictions), the real kubectl's order is random: those cases (`unordered`) compare
// the lines as multisets.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../kube'
import { runKubectl } from '../../run-kubectl'
import { clusterEngine, type Call, type ClusterFile } from './testing/cluster-engine'

interface Case {
  name: string
  args: string[]
  podverbs: string
  edits?: Array<{ kind: string; name: string; namespace?: string; merge: Record<string, unknown> }>
  unordered?: boolean
}

interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body?: Record<string, unknown>
  contentType?: string
  rawBody?: string
}

/** The fake engine's "now" (testing/fake-engine.ts), from which a recorded sinceTime is a sinceSeconds. */
const FAKE_NOW_MS = Date.parse('2025-03-01T12:00:00Z')

/** A recorded request as the engine call it stands for, or undefined for reads kubectl makes of objects. */
function requestCall(r: RecordedRequest): Call | undefined {
  let m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/log$/.exec(r.path)
  if (m) {
    const { container, ...query } = r.query
    const options: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(query)) {
      if (k === 'sinceTime') options.sinceSeconds = (FAKE_NOW_MS - Date.parse(v)) / 1000
      else options[k] = v === 'true' ? true : Number(v)
    }
    return { call: 'logs', namespace: m[1]!, pod: m[2]!, container, options }
  }
  m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/eviction$/.exec(r.path)
  if (m) {
    const grace = (r.body?.deleteOptions as { gracePeriodSeconds?: number } | undefined)?.gracePeriodSeconds
    return { call: 'evict', namespace: m[1]!, pod: m[2]!, ...(grace !== undefined ? { gracePeriodSeconds: grace } : {}) }
  }
  m = /^\/api\/v1\/nodes\/([^/]+)$/.exec(r.path)
  if (m && r.method === 'PATCH') {
    expect(r.contentType).toBe('application/strategic-merge-patch+json')
    return { call: 'patch', name: m[1]!, patchType: 'strategic', body: JSON.parse(r.rawBody ?? '') }
  }
  return undefined
}

function deepMerge(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(patch)) {
    const t = target[k]
    if (v && typeof v === 'object' && !Array.isArray(v) && t && typeof t === 'object') deepMerge(t as Record<string, unknown>, v as Record<string, unknown>)
    else target[k] = v
  }
}

const sortedLines = (text: string) => text.split('\n').sort()

function suite(verb: string) {
  const dir = path.join(__dirname, '..', verb, 'testdata')
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8')
  const cases: Case[] = JSON.parse(read('cases.json'))
  return cases.map((c) => {
    const meta = JSON.parse(read(`${c.name}.meta.json`)) as { exitCode: number; requests: RecordedRequest[] }
    const stderrFile = path.join(dir, `${c.name}.stderr.golden`)
    const run = () => {
      const cluster = JSON.parse(read(c.podverbs)) as ClusterFile
      const objects = structuredClone(cluster.objects)
      for (const e of c.edits ?? []) {
        const o = objects.find((x) => x.kind === e.kind && x.metadata.name === e.name && (e.namespace === undefined || x.metadata.namespace === e.namespace))
        if (!o) throw new Error(`edit of a missing object ${e.kind}/${e.name}`)
        deepMerge(o as unknown as Record<string, unknown>, e.merge)
      }
      const engine = clusterEngine(cluster, objects as KubeObject[])
      return { engine, result: runKubectl(c.args, { engine, readFile: () => '', readStdin: () => '' }) }
    }
    const want = { stdout: read(`${c.name}.golden`), stderr: fs.existsSync(stderrFile) ? fs.readFileSync(stderrFile, 'utf8') : '', exitCode: meta.exitCode }
    const calls = meta.requests.map(requestCall).filter((x): x is Call => x !== undefined)
    return { name: `${verb}: ${c.name}`, unordered: c.unordered === true, run, want, calls }
  })
}

const all = ['logs', 'exec', 'attach', 'top', 'drain', 'taint'].filter((v) => fs.existsSync(path.join(__dirname, '..', v, 'testdata', 'cases.json'))).flatMap(suite)

describe('logs, exec, top, cordon, uncordon, drain, taint match real kubectl 1.32 (cmd/*/testdata/*.golden)', () => {
  it.each(all.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { engine, result } = c.run()
    // A follow (logs -f) writes the rest of stdout; it ends with the recorded stream, by itself, with exit 0.
    let stdout = result.stdout
    if (result.follow) {
      let ended: number | undefined
      result.follow.start((_s, text) => (stdout += text), (code) => (ended = code))()
      expect(ended).toBe(0)
    }
    const got = { stdout, stderr: result.stderr, exitCode: result.exitCode }
    if (c.unordered) {
      expect({ ...got, stdout: sortedLines(got.stdout), stderr: sortedLines(got.stderr) }).toEqual({ ...c.want, stdout: sortedLines(c.want.stdout), stderr: sortedLines(c.want.stderr) })
      expect([...engine.calls].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([...c.calls].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))))
    } else {
      expect(got).toEqual(c.want)
      expect(engine.calls).toEqual(c.calls)
    }
  })
})
