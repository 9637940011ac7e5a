// A manifest of a kind a real cluster serves and Podlab does not simulate (a Service, a CronJob) is not the
// learner's mistake: the answer says Podlab does not simulate it, where kubectl against a server without the
// kind would say `no matches for kind "Service" in version "v1"` and `ensure CRDs are installed first`.

import { describe, expect, it } from 'vitest'
import { runKubectl } from '../run-kubectl'
import { manualClusters } from '../../engine/testing/cluster'

const cluster = manualClusters()
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n'
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p1\nspec:\n  containers:\n  - name: a\n    image: nginx\n'

describe('a kind Podlab does not simulate, in -f', () => {
  it('apply: the other documents are applied, the Service is said not simulated, exit 1', () => {
    const engine = cluster()
    const r = runKubectl(['apply', '-f', 'svc.yaml'], { engine, readFile: () => `${SERVICE}---\n${POD}`, readStdin: () => '' })
    expect(r).toMatchObject({ stdout: 'pod/p1 created\n', stderr: 'error: Podlab does not simulate Services yet: Service "web" from "svc.yaml" was not sent\n', exitCode: 1 })
  })

  it('create: the same words for a CronJob; a kind that exists nowhere still gets kubectl\'s no-match error', () => {
    const engine = cluster()
    const cronjob = 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "* * * * *"\n'
    expect(runKubectl(['create', '-f', 'cj.yaml'], { engine, readFile: () => cronjob, readStdin: () => '' }).stderr).toBe('error: Podlab does not simulate CronJobs yet: CronJob "c" from "cj.yaml" was not sent\n')
    const wrong = runKubectl(['apply', '-f', 'd.yaml'], { engine, readFile: () => 'apiVersion: app/v1\nkind: Deployment\nmetadata:\n  name: hello\n', readStdin: () => '' })
    expect(wrong.stderr).toContain('no matches for kind "Deployment" in version "app/v1"\nensure CRDs are installed first')
  })
})
