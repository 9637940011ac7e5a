// The real kubectl (the plain upstream builds kubectl.1.27 ... kubectl.1.33 beside the gcloud dispatcher on
// PATH) against the door on a real-time clock: the seed's flow a learner types, per version. Skipped, with the
// reason printed, where a binary is missing.

import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRealtime } from '../door/realtime'
import { kubeconfigText } from './kubeconfig'
import { apiCluster, type ApiCluster } from './testing/api-cluster'
import { kubectlEnv, realKubectl, runReal } from './testing/real-kubectl'

const VERSIONS = ['1.27', '1.32', '1.33']

let c: ApiCluster
let stopClock: () => void
let work: string
beforeAll(async () => {
  c = await apiCluster()
  // Ten virtual seconds a second: the image pull and start take well under a second of the test's time.
  c.engine.setSpeed(10)
  stopClock = startRealtime(c.engine)
  work = mkdtempSync(join(tmpdir(), 'podlab-kubectl-real-'))
  writeFileSync(join(work, 'kubeconfig'), kubeconfigText(c.api.url))
})
afterAll(async () => {
  stopClock?.()
  await c?.close()
})

for (const version of VERSIONS) {
  const binary = realKubectl(version)
  const present = binary !== undefined
  if (!present) console.log(`skipping kubectl.${version} against the REST door: no kubectl.${version} beside the kubectl on PATH`)
  describe.skipIf(!present)(`kubectl.${version} against the REST door`, () => {
    const pod = `mynginx-${version.replace('.', '-')}`
    const kubectl = (...args: string[]) => runReal(binary as string, work, `cache-${version}`, args)

    it('applies the seed pod', async () => {
      const manifest = join(work, `${pod}.yaml`)
      writeFileSync(manifest, `apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    run: ${pod}\n  name: ${pod}\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n`)
      expect(await kubectl('apply', '-f', manifest)).toEqual({ stdout: `pod/${pod} created\n`, stderr: '', code: 0 })
    })

    it('follows get pods -w until the pod is Running', async () => {
      const { env, flags } = kubectlEnv(work, `cache-${version}`)
      const child = spawn(binary as string, [...flags, 'get', 'pods', pod, '-w'], { env })
      let out = ''
      let err = ''
      let exited = ''
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
      child.on('exit', (code, signal) => (exited = `kubectl exited (${signal ?? code})`))
      await new Promise<void>((done, fail) => {
        // Under a loaded full run the door's process shares two cores with every other test file.
        const timer = setTimeout(() => fail(new Error(`no Running line in:\n${out}\nstderr:\n${err}\n${exited}`)), 60_000)
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          if (/ 1\/1 +Running /.test(out)) {
            clearTimeout(timer)
            done()
          }
        })
      })
      child.kill()
      expect(out.split('\n')[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE$/)
    }, 70_000)

    it('gets pods as a Table, wide, and as YAML and JSON objects', async () => {
      const plain = await kubectl('get', 'pods', pod)
      expect(plain.stdout).toMatch(new RegExp(`^NAME +READY +STATUS +RESTARTS +AGE\\n${pod} +1/1 +Running +0 +(\\d+m)?\\d+s\\n$`))
      const wide = await kubectl('get', 'pods', pod, '-o', 'wide')
      expect(wide.stdout.split('\n')[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES$/)
      expect(wide.stdout).toMatch(/10\.244\.\d+\.\d+ +podlab-worker/)
      const json = JSON.parse((await kubectl('get', 'pods', pod, '-o', 'json')).stdout)
      expect(json).toMatchObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: pod }, status: { phase: 'Running' } })
      const yaml = await kubectl('get', 'pods', pod, '-o', 'yaml')
      expect(yaml.stdout).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n/)
    })

    it('describes the pod with its events', async () => {
      const described = await kubectl('describe', 'pod', pod)
      expect(described.code).toBe(0)
      expect(described.stdout).toMatch(new RegExp(`^Name: +${pod}\\nNamespace: +default\\n`))
      expect(described.stdout).toMatch(/Normal +Scheduled .* default-scheduler +Successfully assigned default\//)
    })

    it('gets nodes and events', async () => {
      const nodes = await kubectl('get', 'nodes')
      expect(nodes.stdout.split('\n').filter(Boolean)).toHaveLength(5)
      expect(nodes.stdout).toMatch(/^podlab-control-plane +Ready +control-plane /m)
      const events = await kubectl('get', 'events')
      expect(events.stdout.split('\n')[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/)
      expect(events.stdout).toContain(`pod/${pod}`)
    })

    it('runs --dry-run=server writes without storing them, and prints the API server warnings of --validate=warn', async () => {
      expect(await kubectl('run', `${pod}-dry`, '--image=nginx', '--dry-run=server', '-o', 'name')).toEqual({ stdout: `pod/${pod}-dry\n`, stderr: '', code: 0 })
      expect(await kubectl('label', 'pod', pod, 'dry=run', '--dry-run=server')).toMatchObject({ stdout: `pod/${pod} labeled (server dry run)\n`, code: 0 })
      expect((await kubectl('get', 'pod', pod, '-o', 'jsonpath={.metadata.labels}')).stdout).toBe(`{"run":"${pod}"}`)
      expect((await kubectl('get', 'pod', `${pod}-dry`)).code).toBe(1)
      const manifest = join(work, `${pod}-typo.yaml`)
      writeFileSync(manifest, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${pod}-typo\nspec:\n  containers:\n  - name: c\n    image: nginx\n    imagePullPolicyy: Always\n`)
      const strict = await kubectl('apply', '-f', manifest, '--dry-run=server')
      expect([strict.code, strict.stderr]).toEqual([
        1,
        `Error from server (BadRequest): error when creating "${manifest}": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolicyy"\n`,
      ])
      expect(await kubectl('apply', '-f', manifest, '--validate=warn', '--dry-run=server')).toEqual({
        stdout: `pod/${pod}-typo created (server dry run)\n`,
        stderr: 'Warning: unknown field "spec.containers[0].imagePullPolicyy"\n',
        code: 0,
      })
    })

    it('deletes the pod, waiting until it is gone', async () => {
      expect(await kubectl('delete', 'pod', pod)).toEqual({ stdout: `pod "${pod}" deleted\n`, stderr: '', code: 0 })
      const after = await kubectl('get', 'pod', pod)
      expect([after.code, after.stderr]).toEqual([1, `Error from server (NotFound): pods "${pod}" not found\n`])
    }, 60_000)
  })
}
