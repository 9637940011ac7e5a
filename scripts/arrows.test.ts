// The dependency rules of .dependency-cruiser.cjs (run over the real tree by `npm run lint:arrows` in `npm test`)
// really fail on a wrong arrow: a small tree laid out like ours, with one import each rule forbids.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { cruise, type IConfiguration } from 'dependency-cruiser'
import { describe, expect, it } from 'vitest'

const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as IConfiguration

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'podlab-arrows-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

async function violations(files: Record<string, string>): Promise<string[]> {
  const baseDir = tree(files)
  const { options } = config
  const result = await cruise(['main', 'renderer'], { ...options, tsConfig: undefined, ruleSet: { forbidden: config.forbidden }, validate: true, baseDir })
  if (typeof result.output === 'string') throw new Error('dependency-cruiser gave text, not a result')
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort()
}

describe('the arrows point one way (issue 6: a wrong import fails npm test)', () => {
  it('passes a tree whose imports follow renderer -> contract <- doors -> engine face -> engine', async () => {
    expect(
      await violations({
        'main/kube/index.ts': 'export const K8S = 1\n',
        'main/contract/index.ts': "import { K8S } from '../kube'\nexport const A = K8S\n",
        'main/engine/cluster.ts': "import { K8S } from '../kube'\nexport const B = K8S\n",
        'main/engine/index.ts': "export { B } from './cluster'\n",
        'main/door/session.ts': "import { B } from '../engine'\nimport { A } from '../contract'\nexport const C = [A, B]\n",
        'main/host/serve.ts': "import { C } from '../door/session'\nexport const S = C\n",
        'renderer/app.ts': "import { A } from '../main/contract'\nimport { K8S } from '../main/kube'\nimport { G } from '../main/gostd/go'\nexport const D = [A, G, K8S]\n",
        'main/gostd/go.ts': 'export const G = 1\n',
        'main/kubectl/get.ts': "import { G } from '../gostd/go'\nexport const K = G\n",
      }),
    ).toEqual([])
  })

  it('fails the engine importing a door, the contract importing the engine, the page importing the main process, and a cycle', async () => {
    expect(
      await violations({
        'main/contract/index.ts': "import { B } from '../engine/cluster'\nexport const A = B\n",
        'main/engine/cluster.ts': "import { C } from '../host/session'\nexport const B = C\n",
        'main/host/session.ts': "export const C = 1\n",
        'renderer/app.ts': "import { B } from '../main/engine/cluster'\nimport { readFileSync } from 'node:fs'\nexport const D = [B, readFileSync]\n",
        'main/kubectl/a.ts': "import { b } from './b'\nexport const a = () => b\n",
        'main/kubectl/b.ts': "import { a } from './a'\nexport const b = () => a\n",
        'main/gostd/go.ts': "import { C } from '../host/session'\nexport const G = C\n",
      }),
    ).toEqual([
      'contract-is-pure: main/contract/index.ts -> main/engine/cluster.ts',
      'engine-knows-no-door: main/engine/cluster.ts -> main/host/session.ts',
      'gostd-is-pure: main/gostd/go.ts -> main/host/session.ts',
      'no-cycles: main/kubectl/a.ts -> main/kubectl/b.ts',
      'renderer-is-a-browser-page: renderer/app.ts -> fs',
      'renderer-sees-only-the-contract: renderer/app.ts -> main/engine/cluster.ts',
    ])
  })

  it('fails a door or kubectl reaching past the engine face, the engine importing the door protocol, kube importing anything, the Electron door using the web host, door/host/kubectl reaching the wrong way, and shipped code using test support (a way round the face found by a new-user test)', async () => {
    expect(
      await violations({
        'main/kube/index.ts': "import { P } from '../contract'\nexport const K8S = P\n",
        'main/contract/index.ts': 'export const P = 1\n',
        'main/engine/index.ts': "export { B } from './cluster'\n",
        'main/engine/cluster.ts': "import { P } from '../contract'\nexport const B = P\n",
        'main/engine/store/rows.ts': 'export const R = 1\n',
        'main/kubectl/get.ts': "import { R } from '../engine/store/rows'\nimport { B } from '../engine'\nexport const K = [R, B]\n",
        'main/door/session.ts': "import { R } from '../engine/store/rows'\nexport const C = R\n",
        'main/host/serve.ts': 'export const S = 1\n',
        'main/ipc/index.ts': "import { S } from '../host/serve'\nexport const I = S\n",
        'main/kubectl/testing/leak.ts': "export { R } from '../../engine/store/rows'\n",
        'main/kubectl/apply.ts': "import { D } from '../door/paths'\nexport const A = D\n",
        'main/door/paths.ts': "import { S } from '../host/serve'\nexport const D = S\n",
        'main/host/cli.ts': "import { I } from '../ipc/index'\nexport const H = I\n",
        'main/kubectl/delete.ts': "import { R } from './testing/leak'\nexport const L = R\n",
        'renderer/app.ts': "import { K8S } from '../main/kube'\nexport const D = K8S\n",
      }),
    ).toEqual([
      'door-is-plain-node: main/door/paths.ts -> main/host/serve.ts',
      'electron-doors-skip-the-web-host: main/ipc/index.ts -> main/host/serve.ts',
      'engine-knows-no-door: main/engine/cluster.ts -> main/contract/index.ts',
      'host-is-plain-node: main/host/cli.ts -> main/ipc/index.ts',
      'kube-is-pure: main/kube/index.ts -> main/contract/index.ts',
      'kubectl-is-a-client: main/kubectl/apply.ts -> main/door/paths.ts',
      'only-the-engine-face: main/door/session.ts -> main/engine/store/rows.ts',
      'only-the-engine-face: main/kubectl/get.ts -> main/engine/store/rows.ts',
      'test-support-stays-in-tests: main/kubectl/delete.ts -> main/kubectl/testing/leak.ts',
    ])
  })
})
