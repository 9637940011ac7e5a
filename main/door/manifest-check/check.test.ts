import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { Engine } from '../../engine/engine'
import { openCluster } from '../../engine/open-cluster'
import { MAX_CHECK_ENTRIES } from '../../contract'
import { checkManifests } from './check'

const SEED = join(__dirname, '../../../testdata/seed')
const seed = (name: string) => readFileSync(join(SEED, name), 'utf8')
/** The heredoc's body, as the console hands it to `kubectl apply -f -`. */
const heredoc = () => seed('heredoc-apply.sh').split('\n').slice(1, -2).join('\n') + '\n'

let engine: Engine

beforeEach(() => {
  engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-check-')), 'c.podlab'), { mode: 'manual' })
})
afterEach(() => engine.close())

describe('manifests.check', () => {
  it('marks `metadate` on line 3 with the API server strict decoding error and the hint `metadata`', () => {
    const { diagnostics, preview } = checkManifests(engine, seed('pod-mynginx.yaml'))
    const line3 = diagnostics.filter((d) => d.line === 3)
    expect(line3).toHaveLength(1)
    expect(line3[0]!.message).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadate"',
    )
    expect(line3[0]!.hint).toEqual({ code: 'didYouMean', field: 'metadate', suggestion: 'metadata' })
    expect(preview).toEqual([])
  })

  it('marks `apiVersion: app/v1` on line 1 with kubectl mapping error and suggests apps/v1', () => {
    const { diagnostics } = checkManifests(engine, seed('helloDeployment.yaml'))
    expect(diagnostics).toEqual([
      {
        document: 0,
        line: 1,
        column: 1,
        severity: 'error',
        message:
          'error: resource mapping not found for name: "hello" namespace: "" from "STDIN": no matches for kind "Deployment" in version "app/v1"\nensure CRDs are installed first',
        hint: { code: 'apiVersion', given: 'app/v1', suggestion: 'apps/v1' },
      },
    ])
  })

  it("marks the template's restartPolicy line with the Deployment's Unsupported value once apiVersion is apps/v1", () => {
    const { diagnostics } = checkManifests(engine, seed('helloDeployment.yaml').replace('app/v1', 'apps/v1'))
    expect(diagnostics.map((d) => d.line)).toEqual([22])
    expect(diagnostics[0]!.message).toContain('spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"')
  })

  it('forecasts ImagePullBackOff for the 3 pods of `helloimage` once the Deployment is valid', () => {
    const text = seed('helloDeployment.yaml').replace('app/v1', 'apps/v1').replace('      restartPolicy: OnFailure\n', '')
    const { diagnostics, preview } = checkManifests(engine, text)
    expect(diagnostics).toEqual([])
    expect(preview).toHaveLength(1)
    expect(preview[0]).toMatchObject({ line: 'deployment.apps/hello created', kind: 'Deployment', name: 'hello', pods: 3 })
    expect(preview[0]!.containers).toMatchObject([{ name: 'hello', forecast: 'ImagePullBackOff', image: { verdict: 'missing', reference: 'docker.io/library/helloimage:latest' } }])
  })

  it("marks the heredoc's `- containerPort: 80` line as a second container", () => {
    const { diagnostics } = checkManifests(engine, heredoc())
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({
      line: 11,
      message:
        'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[1].containerPort"',
      hint: { code: 'secondContainer', key: 'containerPort' },
    })
  })

  it('stores nothing: the checked pod is not created', () => {
    const text = seed('pod-mynginx.yaml').replace('metadate:', 'metadata:')
    expect(checkManifests(engine, text).preview).toMatchObject([{ line: 'pod/mynginx created', pods: 1, containers: [{ forecast: 'Running' }] }])
    expect(engine.list('pods', 'default').items).toEqual([])
  })

  it('forecasts CrashLoopBackOff for busybox with no command under restartPolicy Always, Completed under Never', () => {
    const pod = (policy: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: bb\nspec:\n  restartPolicy: ${policy}\n  containers:\n  - name: bb\n    image: busybox\n`
    expect(checkManifests(engine, pod('Always')).preview[0]!.containers[0]!.forecast).toBe('CrashLoopBackOff')
    expect(checkManifests(engine, pod('Never')).preview[0]!.containers[0]!.forecast).toBe('Completed')
  })

  it('says a pod requesting more CPU than any node has stays Pending', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests:\n        cpu: "500"\n'
    expect(checkManifests(engine, text).preview[0]!.unschedulable).toMatchObject({ cpuMillis: 500_000 })
  })

  it('places a YAML syntax error on its document with kubectl text', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\n    a: b\n   c: d\n'
    const { diagnostics } = checkManifests(engine, text)
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]!.message).toMatch(/^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: /)
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(6)
  })

  it('counts lines across documents: an error in the second document is on its own line', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx\n---\napiVersion: v1\nkind: Pod\nmetadate:\n  name: b\n'
    const { diagnostics, preview } = checkManifests(engine, text)
    expect(preview.map((p) => p.name)).toEqual(['a'])
    expect(diagnostics.find((d) => d.hint?.code === 'didYouMean')).toMatchObject({ document: 1, line: 12 })
  })

  it('warns, without blaming the manifest, that Podlab does not simulate a Service', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n'
    const { diagnostics } = checkManifests(engine, text)
    expect(diagnostics).toMatchObject([{ line: 2, severity: 'warning', hint: { code: 'notSimulated', kind: 'Service' } }])
    expect(diagnostics[0]!.message).toContain('Podlab does not simulate Services yet')
  })

  it('leaves the cluster history as it was: checking while typing changes no later pod name (the seeded generator is restored)', () => {
    const other = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-check-')), 'c.podlab'), { mode: 'manual' })
    const deployment = seed('helloDeployment.yaml').replace('app/v1', 'apps/v1').replace('      restartPolicy: OnFailure\n', '').replace('helloimage', 'nginx')
    for (let i = 0; i < 5; i++) checkManifests(engine, deployment)
    const podNames = (e: Engine) => {
      e.create({ ...parse(deployment), metadata: { ...parse(deployment).metadata, namespace: 'default' } })
      e.advance(5_000)
      return e.list('pods', 'default').items.map((p) => [p.metadata.name, p.metadata.uid])
    }
    expect(podNames(engine)).toEqual(podNames(other))
    other.close()
  })

  it('marks a misspelt kind on its line and suggests the kind the API serves', () => {
    const text = 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: web\n'
    const { diagnostics } = checkManifests(engine, text)
    expect(diagnostics).toMatchObject([{ line: 2, hint: { code: 'kind', given: 'Deploymnet', suggestion: 'Deployment' } }])
    expect(diagnostics[0]!.message).toContain('no matches for kind "Deploymnet" in version "apps/v1"')
  })

  it(`answers at most ${MAX_CHECK_ENTRIES} diagnostics however many unknown fields are pasted`, () => {
    const fields = Array.from({ length: 150 }, (_, i) => `  field${i}: x\n`).join('')
    const { diagnostics } = checkManifests(engine, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${fields}  containers:\n  - name: c\n    image: nginx\n`)
    expect(diagnostics).toHaveLength(MAX_CHECK_ENTRIES)
  })
})
