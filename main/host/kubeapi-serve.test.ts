import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCluster } from '../engine'
import { holdClock } from '../door/clock-owner'
import { kubeApiAdmission, kubeconfigPaths, kubeconfigServer, readServedApi, serveKubeApi } from './kubeapi-serve'
import { runCli, type CliIO } from './podlab-cli'

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage

describe('kubeApiAdmission', () => {
  it('refuses another Host name (DNS rebinding) with 421, on loopback too', () => {
    const admit = kubeApiAdmission('127.0.0.1', undefined)
    expect(admit(request({ host: '127.0.0.1:6443' }))).toBeUndefined()
    expect(admit(request({ host: 'evil.example:6443' }))).toMatchObject({ code: 421, status: 'Failure' })
  })

  it('requires the bearer token when there is one, answering 401 Unauthorized otherwise', () => {
    const admit = kubeApiAdmission('192.168.1.20', 'a-classroom-token-0123456789')
    const host = '192.168.1.20:6443'
    expect(admit(request({ host, authorization: 'Bearer a-classroom-token-0123456789' }))).toBeUndefined()
    expect(admit(request({ host, authorization: 'Bearer wrong' }))).toMatchObject({ code: 401, reason: 'Unauthorized' })
    expect(admit(request({ host }))).toMatchObject({ code: 401, reason: 'Unauthorized' })
  })

  it('takes the token as the first path segment, which kubectl keeps in front of every path, and strips it', () => {
    const admit = kubeApiAdmission('0.0.0.0', 'a-classroom-token-0123456789')
    const req = { headers: { host: '127.0.0.1:6443' }, url: '/a-classroom-token-0123456789/api/v1/pods?limit=500' } as unknown as IncomingMessage
    expect(admit(req)).toBeUndefined()
    expect(req.url).toBe('/api/v1/pods?limit=500')
    const wrong = { headers: { host: '127.0.0.1:6443' }, url: '/a-classroom-token-012345678/api' } as unknown as IncomingMessage
    expect(admit(wrong)).toMatchObject({ code: 401 })
    expect(kubeconfigServer('http://127.0.0.1:6443', 'a/b c')).toBe('http://127.0.0.1:6443/a%2Fb%20c')
  })
})

describe('serveKubeApi', () => {
  it('writes an owner-only kubeconfig with context podlab and the record, and removes the record on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podlab-kubeapi-serve-'))
    const engine = openCluster(join(dir, 'c.podlab'), { mode: 'manual' })
    const api = await serveKubeApi({ engine, host: '127.0.0.1', port: 0, clusterFile: join(dir, 'c.podlab'), dir: join(dir, 'kc') })
    try {
      expect(api.kubeconfig).toBe(kubeconfigPaths(join(dir, 'c.podlab'), join(dir, 'kc')).kubeconfig)
      const text = readFileSync(api.kubeconfig, 'utf8')
      expect(text).toContain(`server: ${api.url}\n`)
      expect(text).toContain('current-context: podlab\n')
      expect(statSync(api.kubeconfig).mode & 0o777).toBe(0o600)
      expect(readServedApi(kubeconfigPaths(join(dir, 'c.podlab'), join(dir, 'kc')).record)).toMatchObject({ pid: process.pid, url: api.url })
    } finally {
      await api.close()
      engine.close()
    }
    expect(existsSync(kubeconfigPaths(join(dir, 'c.podlab'), join(dir, 'kc')).record)).toBe(false)
  })
})

describe('podlab kubeconfig --write', () => {
  const cli = async (args: string[], env: Record<string, string>) => {
    let out = ''
    let err = ''
    const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: () => '', env }
    const code = await runCli(args, io)
    return { code, out, err }
  }

  it('says clearly that nothing serves a file no serve runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podlab-kubeconfig-'))
    const file = join(dir, 'c.podlab')
    openCluster(file, { mode: 'manual' }).close()
    expect(await cli(['--db', file, 'kubeconfig', '--write'], { XDG_CONFIG_HOME: dir })).toEqual({
      code: 1,
      out: '',
      err: `error: no podlab serve is serving ${file}; start one with: podlab --db ${file} serve\n`,
    })
    expect(await cli(['--db', join(dir, 'none.podlab'), 'kubeconfig', '--write'], { XDG_CONFIG_HOME: dir })).toMatchObject({ code: 1 })
    expect(existsSync(join(dir, 'none.podlab'))).toBe(false)
  })

  it.each(['web', 'app'] as const)('writes the kubeconfig of the %s serving the file (podlab serve, the desktop app) and prints its path', async (door) => {
    const dir = mkdtempSync(join(tmpdir(), 'podlab-kubeconfig-'))
    const file = join(dir, 'c.podlab')
    const engine = openCluster(file, { mode: 'realtime', door })
    const release = holdClock(engine, door)
    const api = await serveKubeApi({ engine, host: '127.0.0.1', port: 0, clusterFile: file, dir: join(dir, 'Podlab', 'kubeconfigs') })
    try {
      const result = await cli(['--db', file, 'kubeconfig', '--write'], { XDG_CONFIG_HOME: dir })
      expect(result).toEqual({ code: 0, out: `${api.kubeconfig}\n`, err: '' })
      expect(readFileSync(api.kubeconfig, 'utf8')).toContain(`server: ${api.url}\n`)
    } finally {
      await api.close()
      release()
      engine.close()
    }
  })
})
