// Server-side apply through the REST door: the wire rules of handlers/patch.go (status codes, PatchOptions in the
// query, the body as YAML or JSON), then the real kubectl 1.32 and 1.27 (skipped, with the reason printed,
// where the binary is missing): `apply --server-side` twice, a conflict after a client-side apply changed the
// image (kubectl's hint, exit 1), and --force-conflicts taking the field.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONFLICT_HINT } from '../kubectl/cmd/apply/server-side'
import { kubeconfigText } from './kubeconfig'
import { apiCluster, type ApiCluster } from './testing/api-cluster'
import { realKubectl, runReal } from './testing/real-kubectl'

let c: ApiCluster
let work: string
beforeAll(async () => {
  c = await apiCluster()
  work = mkdtempSync(join(tmpdir(), 'podlab-kubeapi-ssa-'))
  writeFileSync(join(work, 'kubeconfig'), kubeconfigText(c.api.url))
})
afterAll(async () => {
  await c?.close()
})

const APPLY = { 'Content-Type': 'application/apply-patch+yaml' }
const yamlPod = (name: string, image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: ${image}\n`
const managers = (o: { metadata: Record<string, unknown> }) => ((o.metadata.managedFields ?? []) as Array<{ manager: string; operation: string }>).map((m) => `${m.manager}/${m.operation}`)

describe('PATCH application/apply-patch+yaml', () => {
  it('creates with 201, then answers 200 with the stored object, a YAML body as well as JSON', async () => {
    const path = '/api/v1/namespaces/default/pods/wire?fieldManager=tester'
    const created = await c.call('PATCH', path, { body: yamlPod('wire', 'nginx'), headers: APPLY })
    expect(created.status).toBe(201)
    expect(managers(created.json())).toContain('tester/Apply')
    const again = await c.call('PATCH', path, { body: JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'wire' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }), headers: APPLY })
    expect(again.status).toBe(200)
    expect(again.json().metadata.resourceVersion).toBe(c.engine.get('pods', 'default', 'wire').metadata.resourceVersion)
  })

  it('requires a fieldManager, as ValidatePatchOptions words it (422)', async () => {
    const reply = await c.call('PATCH', '/api/v1/namespaces/default/pods/nomanager', { body: yamlPod('nomanager', 'nginx'), headers: APPLY })
    expect(reply.status).toBe(422)
    expect(reply.json().message).toBe('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch')
  })

  it('answers a YAML syntax error with 400 and go-yaml\'s words', async () => {
    const reply = await c.call('PATCH', '/api/v1/namespaces/default/pods/bad?fieldManager=tester', { body: 'metadata:\n  name: bad\n - x\n', headers: APPLY })
    expect(reply.status).toBe(400)
    expect(reply.json().message).toMatch(/^error decoding YAML: error converting YAML to JSON: yaml: line \d+: /)
  })

  it('stores nothing with dryRun=All and refuses another dryRun value', async () => {
    const dry = await c.call('PATCH', '/api/v1/namespaces/default/pods/dry?fieldManager=tester&dryRun=All', { body: yamlPod('dry', 'nginx'), headers: APPLY })
    expect(dry.status).toBe(201)
    expect((await c.call('GET', '/api/v1/namespaces/default/pods/dry')).status).toBe(404)
    const odd = await c.call('PATCH', '/api/v1/namespaces/default/pods/dry?fieldManager=tester&dryRun=Some', { body: yamlPod('dry', 'nginx'), headers: APPLY })
    expect(odd.status).toBe(422)
  })

  it('records other writes under the User-Agent prefix when no fieldManager is given (managerOrUserAgent)', async () => {
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'agent' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })
    expect((await c.call('POST', '/api/v1/namespaces/default/pods', { body, headers: { 'User-Agent': 'kubectl/v1.32.5 (linux/amd64) kubernetes/abc' } })).status).toBe(201)
    expect(managers(c.engine.get('pods', 'default', 'agent'))).toContain('kubectl/Update')
  })
})

for (const version of ['1.32', '1.27']) {
  const binary = realKubectl(version)
  if (!binary) console.log(`skipping kubectl.${version} apply --server-side against the REST door: no kubectl.${version} beside the kubectl on PATH`)
  describe.skipIf(!binary)(`kubectl.${version} apply --server-side against the REST door`, () => {
    const name = `ssa-${version.replace('.', '-')}`
    const kubectl = (...args: string[]) => runReal(binary as string, work, `cache-${version}`, args)
    const manifest = (image: string) => {
      const file = join(work, `${name}-${image.replace(/[:.]/g, '-')}.yaml`)
      writeFileSync(file, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    run: ${name}\nspec:\n  containers:\n  - name: nginx\n    image: ${image}\n`)
      return file
    }

    it('applies twice: serverside-applied both times, one Apply entry for `kubectl`', async () => {
      const file = manifest('nginx')
      expect(await kubectl('apply', '--server-side', '-f', file)).toEqual({ stdout: `pod/${name} serverside-applied\n`, stderr: '', code: 0 })
      expect(await kubectl('apply', '--server-side', '-f', file)).toEqual({ stdout: `pod/${name} serverside-applied\n`, stderr: '', code: 0 })
      const entries = c.engine.get('pods', 'default', name).metadata.managedFields as Array<{ manager: string; operation: string; subresource?: string }>
      expect(entries.filter((e) => !e.subresource).map((e) => `${e.manager}/${e.operation}`)).toEqual(['kubectl/Apply'])
    })

    // Tagged images throughout: the imagePullPolicy default (IfNotPresent) stays what it was when kubectl's
    // client-side-apply upgrade hands the defaulted fields to `kubectl` and its re-apply prunes and re-defaults them.
    it('conflicts with the client-side apply that changed the image, then takes it with --force-conflicts', async () => {
      const other = `${name}-csa`
      const csa = join(work, `${other}.yaml`)
      writeFileSync(csa, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${other}\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.26\n`)
      expect((await kubectl('apply', '-f', csa)).code).toBe(0)
      writeFileSync(csa, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${other}\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.28\n`)
      expect(await kubectl('apply', '-f', csa)).toEqual({ stdout: `pod/${other} configured\n`, stderr: '', code: 0 })
      writeFileSync(csa, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${other}\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n`)
      const conflict = await kubectl('apply', '--server-side', '-f', csa)
      expect(conflict).toEqual({
        stdout: '',
        stderr: `error: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .spec.containers[name="nginx"].image\n${CONFLICT_HINT}\n`,
        code: 1,
      })
      expect(await kubectl('apply', '--server-side', '--force-conflicts', '-f', csa)).toEqual({ stdout: `pod/${other} serverside-applied\n`, stderr: '', code: 0 })
      const pod = c.engine.get('pods', 'default', other) as { spec: { containers: Array<{ image: string }> }; metadata: { managedFields?: Array<{ manager: string; fieldsV1: unknown }> } }
      expect(pod.spec.containers[0]!.image).toBe('nginx:1.27')
      // kubectl's upgrade (csaupgrade) then moves the rest of the client-side apply's fields to `kubectl` too.
      const owners = pod.metadata.managedFields!.filter((m) => JSON.stringify(m.fieldsV1).includes('"f:image"')).map((m) => m.manager)
      expect(owners).toEqual(['kubectl'])
      // The same managers as the built-in kubectl leaves (cmd/apply/server-side-engine.test.ts).
      const kept = pod.metadata.managedFields!.filter((m) => !(m as { subresource?: string }).subresource) as Array<{ manager: string; operation: string; fieldsV1: unknown }>
      expect(kept.map((m) => `${m.manager}/${m.operation}`)).toEqual(['kubectl-last-applied/Apply', 'kubectl/Apply'])
      expect(kept[1]!.fieldsV1).toEqual({ 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } })
    })
  })
}
