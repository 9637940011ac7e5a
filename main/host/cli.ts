// Entry of the `podlab` CLI bundle (out/main/cli.js, loaded by bin/podlab). Plain Node: never electron.

import { join } from 'node:path'
import { MAX_MANIFEST_BYTES } from '../contract'
import type { Engine } from '../engine/engine'
import { runCli } from './podlab-cli'
import { readCapped } from './read-capped'
import { startRealtime } from './realtime'
import { serve } from './web'

async function serveUntilStopped(engine: Engine, host: string, port: number): Promise<void> {
  const stopClock = startRealtime(engine)
  const web = await serve({ engine, root: join(__dirname, '../renderer'), host, port })
  process.stdout.write(`Podlab is serving at ${web.url}\n`)
  await new Promise<void>((done) => {
    const stop = () => {
      stopClock()
      void web.close().then(done)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}

runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: () => readCapped(0, MAX_MANIFEST_BYTES),
  env: process.env,
  serve: serveUntilStopped,
}).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 1
  },
)
