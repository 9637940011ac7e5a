// Every `podlab` command loads the CLI bundle's whole module graph before it runs. yaml (~80 CommonJS files),
// ws, diff and js-yaml cost ~120 ms of CPU at each start together, and serve one command each (the manifest
// check, `podlab serve`, `kubectl diff`, a manifest read): they are required on first use, never at load.

import { describe, expect, it, vi } from 'vitest'

const loaded = vi.hoisted(() => [] as string[])
vi.mock('yaml', () => (loaded.push('yaml'), {}))
vi.mock('ws', () => (loaded.push('ws'), {}))
vi.mock('diff', () => (loaded.push('diff'), {}))
vi.mock('js-yaml', () => (loaded.push('js-yaml'), {}))

describe('the podlab CLI at start', () => {
  it("loads every module cli.ts imports without loading yaml, ws, diff or js-yaml", async () => {
    // What main/host/cli.ts imports (cli.ts itself runs the command line of the process that imports it).
    await import('./podlab-cli')
    await import('./web/serve')
    await import('./kubeapi-serve')
    await import('./terminal-editor')
    await import('./web/banner')
    await import('../door/realtime')
    await import('../door/poll')
    expect(loaded).toEqual([])
  })
})
