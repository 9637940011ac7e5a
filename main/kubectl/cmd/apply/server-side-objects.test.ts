// The server-side apply goldens (testdata-ssa, recorded from the real kubectl 1.32) are served what Podlab's engine
// makes: objects.json is the pod as a client-side apply created it (nginx), conflicts.json the Statuses Podlab's
// API server answers a server-side apply of pod.yaml (image) and relabel.yaml (image and label) over it. This
// test holds them to the engine; PODLAB_WRITE_GOLDEN=1 rewrites them (then re-record: node scripts/golden/run.mjs ssa-).
import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { isApiError } from '../../../engine'
import { manualClusters } from '../../../engine/testing/cluster'

const open = manualClusters()
const DIR = path.join(__dirname, 'testdata-ssa')

function check(file: string, value: unknown): void {
  const text = `${JSON.stringify(value, null, 1)}\n`
  if (process.env.PODLAB_WRITE_GOLDEN === '1') fs.writeFileSync(path.join(DIR, file), text)
  expect(fs.readFileSync(path.join(DIR, file), 'utf8')).toBe(text)
}

it('the server-side apply goldens serve the pod and the conflict Statuses Podlab makes', () => {
  const engine = open()
  const pod = (image: string, run: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'mynginx', namespace: 'default', labels: { run } }, spec: { containers: [{ name: 'nginx', image }] } })
  engine.create(pod('nginx', 'mynginx'), { fieldManager: 'kubectl-client-side-apply' })
  engine.advance(20_000)
  const stored = engine.get('pods', 'default', 'mynginx')
  check('objects.json', [stored])
  const conflicts: Record<string, unknown> = {}
  for (const [name, applied] of [['image', pod('nginx:1.28', 'mynginx')], ['image-and-label', pod('nginx:1.28', 'other')]] as const) {
    try {
      engine.apply('pods', 'default', 'mynginx', applied, { fieldManager: 'kubectl' })
    } catch (e) {
      if (isApiError(e)) conflicts[name] = e.toStatus()
    }
  }
  expect(Object.keys(conflicts)).toEqual(['image', 'image-and-label'])
  check('conflicts.json', conflicts)
})
