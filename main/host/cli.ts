// Entry of the `podlab` CLI bundle (out/main/cli.js, loaded by bin/podlab). Plain Node: never electron.

import { join } from 'node:path'
import { MAX_MANIFEST_BYTES, type KubeApiInfo } from '../contract'
import type { HostEngine } from '../engine'
import { runCli, type ServeCliOptions } from './podlab-cli'
import { startPolling } from '../door/poll'
import { readCapped } from './read-capped'
import { startRealtime } from '../door/realtime'
import { kubeApiLine, startupLines } from './web/banner'
import { serve } from './web/serve'
import { terminalEditor } from './terminal-editor'
import { newToken } from './web/auth'
import { isLoopback } from '../door/host-check'
import { serveKubeApi } from './kubeapi-serve'

async function serveUntilStopped(engine: HostEngine, { host, port, apiPort, token: given, clusterFile, kubeconfigDir }: ServeCliOptions): Promise<void> {
  // One token for the page and the Kubernetes API: printed once, in the address to open (and kept in the kubeconfig).
  const token = given ?? (isLoopback(host) ? undefined : newToken())
  // The page asks where the API is (kubeapi.info) only once both listen: the API starts right after the page.
  let kubeApi: KubeApiInfo = { serving: false, reason: 'The Kubernetes API is starting.' }
  const web = await serve({ engine, root: join(__dirname, '../renderer'), host, port, token, kubeApi: () => kubeApi })
  const api = await serveKubeApi({ engine, host, port: apiPort, token, clusterFile, dir: kubeconfigDir }).catch(async (e: unknown) => {
    await web.close()
    throw e
  })
  kubeApi = { serving: true, url: api.url, kubeconfig: api.kubeconfig }
  const stopClock = startRealtime(engine)
  const stopPolling = startPolling(engine)
  const lines = startupLines(host, web)
  process.stderr.write(lines.stderr)
  process.stdout.write(lines.stdout + kubeApiLine(api.url, api.kubeconfig))
  await new Promise<void>((done) => {
    const stop = () => {
      stopClock()
      stopPolling()
      void Promise.all([api.close(), web.close()]).then(() => done())
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
  terminal: process.stdin.isTTY === true,
  editor: terminalEditor(process.env),
  interrupted: () => new Promise<void>((stop) => process.once('SIGINT', () => stop())),
  followStdin: (deliver) => {
    const data = (chunk: string) => deliver(chunk)
    const end = () => deliver('eof')
    process.stdin.setEncoding('utf8')
    process.stdin.on('data', data)
    process.stdin.on('end', end)
    return () => {
      process.stdin.off('data', data)
      process.stdin.off('end', end)
      process.stdin.pause()
    }
  },
}).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 1
  },
)
