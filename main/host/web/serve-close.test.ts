import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Engine } from '../../engine/engine'
import { openCluster } from '../../engine/open-cluster'
import { nextMessage as next, openSocket } from './testing/raw-socket'
import { serve } from './serve'

/** The engine, counting the watches open on it (each page's Session holds one). */
function counted(engine: Engine): { engine: Engine; open: () => number } {
  let open = 0
  const watch: Engine['watch'] = (from, handler) => {
    const stop = engine.watch(from, handler)
    open++
    return () => {
      open--
      stop()
    }
  }
  return { engine: new Proxy(engine, { get: (t, p) => (p === 'watch' ? watch : Reflect.get(t, p).bind(t)) }), open: () => open }
}

// Found by `npm run bench` on a loaded machine: stopping `podlab serve` while pages watched printed "podlab: the
// pods/ table could not be built: The database connection is not open". web.close() resolved before the sockets'
// close events had closed their Sessions, so the CLI closed the engine under a push still scheduled.
describe('stopping podlab serve while pages watch', () => {
  it('has closed every page Session (no watch left on the engine) when web.close() resolves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podlab-web-'))
    mkdirSync(join(dir, 'renderer'))
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>')
    const real = openCluster(join(dir, 'c.podlab'), { mode: 'manual' })
    const { engine, open } = counted(real)
    const web = await serve({ engine, root: join(dir, 'renderer') })
    const port = Number(new URL(web.url).port)
    const pages = await Promise.all(Array.from({ length: 20 }, () => openSocket(port)))
    await Promise.all(
      pages.map((ws) => {
        const shown = next(ws, (m) => m.delta?.type === 'table')
        ws.send(JSON.stringify({ id: 1, call: 'table.watch', request: { resource: 'pods', namespace: 'default' } }))
        return shown
      }),
    )
    expect(open()).toBe(20)
    await web.close()
    expect(open()).toBe(0)
    // The sockets' own close events come later and close nothing twice.
    await new Promise((r) => setTimeout(r, 50))
    expect(open()).toBe(0)
    real.close()
  })
})
