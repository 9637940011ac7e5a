// Replays a golden suite (a cmd/<verb>/testdata folder recorded by scripts/golden/run.mjs from the real kubectl
// 1.32 against the fake API server) through runKubectl with the fake Engine: each case's expected stdout,
// stderr and exit code, and the requests the real kubectl sent. A case with `kubeconfig` and `port` ran with
// that kubeconfig, its server on that port: the door's kubeconfig here names the same server; `objects` are
// the objects both servers hold.

import fs from 'node:fs'
import path from 'node:path'
import { memoryKubeconfig } from '../cmd/config/kubeconfig'
import type { KubectlResult } from '../io'
import { runKubectl } from '../run-kubectl'
import { fakeEngine, type FakeEngine } from './fake-engine'

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body?: unknown
}

export interface ReplayCase {
  name: string
  args: string[]
  want: KubectlResult
  requests: RecordedRequest[]
  run(): { engine: FakeEngine; result: KubectlResult }
}

export function replaySuite(dir: string): ReplayCase[] {
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8')
  const cases = JSON.parse(read('cases.json')) as Array<{ name: string; args: string[]; objects?: string; kubeconfig?: string; port?: number }>
  return cases.map((c) => {
    const meta = JSON.parse(read(`${c.name}.meta.json`)) as { exitCode: number; requests: RecordedRequest[] }
    const stderrFile = path.join(dir, `${c.name}.stderr.golden`)
    return {
      name: c.name,
      args: c.args,
      want: { stdout: read(`${c.name}.golden`), stderr: fs.existsSync(stderrFile) ? fs.readFileSync(stderrFile, 'utf8') : '', exitCode: meta.exitCode },
      requests: meta.requests,
      run() {
        const engine = fakeEngine({ objects: c.objects ? JSON.parse(read(c.objects)) : [] })
        const kubeconfig = c.port === undefined ? undefined : memoryKubeconfig(`http://127.0.0.1:${c.port}`)
        const result = runKubectl(c.args, { engine, readFile: () => '', readStdin: () => '', ...(kubeconfig ? { kubeconfig } : {}) })
        return { engine, result }
      },
    }
  })
}
