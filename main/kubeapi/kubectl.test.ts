// The real kubectl (the plain upstream builds kubectl.1.27 ... kubectl.1.33 beside the gcloud dispatcher on
// PATH) against the door on a real-time clock: the seed's flow a learner types, per version. Skipped, with the
// reason printed, where a binary is missing.

import { execFile, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRealtime } from '../door/realtime'
import { kubeconfigText } from './kubeconfig'
import { apiCluster, type ApiCluster } from './testing/api-cluster'

const run = promisify(execFile)

function kubectlDir(): string | undefined {
  try {
    return dirname(execFileSync('bash', ['-c', 'readlink -f "$(command -v kubectl)"'], { encoding: 'utf8' }).trim())
  } catch {
    return undefined
  }
}

const dir = kubectlDir()
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
  const binary = dir && join(dir, `kubectl.${version}`)
  const present = binary !== undefined && existsSync(binary)
  if (!present) console.log(`skipping kubectl.${version} against the REST door: no ${binary ?? 'kubectl on PATH'}`)
  describe.skipIf(!present)(`kubectl.${version} against the REST door`, () => {
    const pod = `mynginx-${version.replace('.', '-')}`
    const kubectl = async (...args: string[]) => {
      try {
        const { stdout, stderr } = await run(binary as string, ['--cache-dir', join(work, `cache-${version}`), ...args], { env: { ...process.env, KUBECONFIG: join(work, 'kubeconfig'), HOME: work }, timeout: 60_000 })
        return { stdout, stderr, code: 0 }
      } catch (e) {
        const failed = e as { stdout: string; stderr: string; code: number }
        return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code }
      }
    }

    it('applies the seed pod', async () => {
      const manifest = join(work, `${pod}.yaml`)
      writeFileSync(manifest, `apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    run: ${pod}\n  name: ${pod}\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n`)
      expect(await kubectl('apply', '-f', manifest)).toEqual({ stdout: `pod/${pod} created\n`, stderr: '', code: 0 })
    })

    it('follows get pods -w until the pod is Running', async () => {
      const child = spawn(binary as string, ['--cache-dir', join(work, `cache-${version}`), 'get', 'pods', pod, '-w'], { env: { ...process.env, KUBECONFIG: join(work, 'kubeconfig'), HOME: work } })
      let out = ''
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no Running line in:\n${out}`)), 30_000)
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
    }, 40_000)

    it('gets pods as a Table, wide, and as YAML and JSON objects', async () => {
      const plain = await kubectl('get', 'pods', pod)
      expect(plain.stdout).toMatch(new RegExp(`^NAME +READY +STATUS +RESTARTS +AGE\\n${pod} +1/1 +Running +0 +\\d+s\\n$`))
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

    it('deletes the pod, waiting until it is gone', async () => {
      expect(await kubectl('delete', 'pod', pod)).toEqual({ stdout: `pod "${pod}" deleted\n`, stderr: '', code: 0 })
      const after = await kubectl('get', 'pod', pod)
      expect([after.code, after.stderr]).toEqual([1, `Error from server (NotFound): pods "${pod}" not found\n`])
    }, 60_000)
  })
}
