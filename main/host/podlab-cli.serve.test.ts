// `podlab serve` options (issue 5): --token-file is read before the server starts, and a bad one is refused
// in one line without serving.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, type CliIO, type ServeCliOptions } from './podlab-cli'

async function serveWith(args: string[]): Promise<{ code: number; err: string; served: ServeCliOptions[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-serve-cli-'))
  const served: ServeCliOptions[] = []
  let err = ''
  const io: CliIO = {
    stdout: () => {},
    stderr: (t) => (err += t),
    readStdin: () => '',
    env: {},
    serve: async (_engine, options) => {
      served.push(options)
    },
  }
  const code = await runCli(['--db', join(dir, 'c.podlab'), 'serve', ...args.map((a) => a.replace('DIR', dir))], io)
  return { code, err, served }
}

/** The cluster file served and the folder of its kubeconfig (the user data folder's `kubeconfigs`). */
const FILES = { clusterFile: expect.stringMatching(/c\.podlab$/), kubeconfigDir: expect.stringMatching(/Podlab[\\/]kubeconfigs$/) }

describe('podlab serve options', () => {
  it('passes host, port and the token read from --token-file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podlab-token-'))
    writeFileSync(join(dir, 'token'), 'a-classroom-token-0123456789\n')
    const result = await serveWith(['--host', '0.0.0.0', '--port=8080', '--token-file', join(dir, 'token')])
    expect(result).toEqual({ code: 0, err: '', served: [{ host: '0.0.0.0', port: 8080, apiPort: 0, token: 'a-classroom-token-0123456789', ...FILES }] })
  })

  it('defaults to 127.0.0.1, any free port and no token', async () => {
    expect((await serveWith([])).served).toEqual([{ host: '127.0.0.1', port: 0, apiPort: 0, ...FILES }])
  })

  it('takes the Kubernetes API port from --api-port', async () => {
    expect((await serveWith(['--api-port', '6443'])).served).toEqual([{ host: '127.0.0.1', port: 0, apiPort: 6443, ...FILES }])
    expect((await serveWith(['--api-port', 'x'])).err).toBe('error: --api-port must be a number from 0 to 65535, got "x"\n')
  })

  it('refuses an empty token file in one line and does not serve', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podlab-token-'))
    writeFileSync(join(dir, 'token'), '')
    const result = await serveWith(['--token-file', join(dir, 'token')])
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/^error: token file ".*token" is empty\n$/)
    expect(result.served).toEqual([])
  })
})
