// Test-only: a real `podlab serve` on 127.0.0.1 port 0, over a fresh manual-clock cluster file and a one-page
// renderer folder.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Engine } from '../../../engine/engine'
import { openCluster } from '../../../engine/open-cluster'
import { serve, type ServeOptions, type WebHost } from '../serve'

export interface TestServer {
  engine: Engine
  web: WebHost
  port: number
  /** The renderer folder it serves. */
  root: string
  close(): Promise<void>
}

export async function startTestServer(options: Omit<ServeOptions, 'engine' | 'root'> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-web-'))
  const root = join(dir, 'renderer')
  mkdirSync(root)
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Podlab</title>')
  const engine = openCluster(join(dir, 'c.podlab'), { mode: 'manual' })
  const web = await serve({ engine, root, ...options })
  return {
    engine,
    web,
    port: Number(new URL(web.url).port),
    root,
    close: async () => {
      await web.close()
      engine.close()
    },
  }
}
