// `podlab serve`'s Kubernetes API: the REST door (main/kubeapi) on its own port, behind the web host's guards
// (the DNS-rebinding Host check always; off loopback, `Authorization: Bearer TOKEN`), and the kubeconfig that
// points a real kubectl at it. While it runs, a record beside the kubeconfig names the serving process and its
// address, so that `podlab --db FILE kubeconfig --write` in another terminal can write a kubeconfig for it.

import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { hostname } from 'node:os'
import { basename, join, resolve } from 'node:path'
import type { Engine } from '../engine'
import type { Status } from '../kube'
import { kubeconfigText } from '../kubeapi/kubeconfig'
import { startKubeApi, type KubeApi } from '../kubeapi/server'
import { TokenGate } from './web/auth'
import { allowedHostNames, hostAllowed } from './web/host-check'

/** Where the kubeconfig of a cluster file lives, and the record of the serve that serves it. */
export interface KubeconfigPaths {
  kubeconfig: string
  record: string
}

/** What a serving process records: who it is and where its API listens (the token only in the 0600 file). */
export interface ServedApi {
  pid: number
  hostname: string
  url: string
  token?: string
}

/** `DIR/<file name>-<12 hex of the file's absolute path's sha256>.kubeconfig` (and `.serve.json`): one pair per cluster file. */
export function kubeconfigPaths(clusterFile: string, dir: string): KubeconfigPaths {
  const absolute = resolve(clusterFile)
  const stem = `${basename(absolute).replace(/[^A-Za-z0-9._-]/g, '_')}-${createHash('sha256').update(absolute).digest('hex').slice(0, 12)}`
  return { kubeconfig: join(dir, `${stem}.kubeconfig`), record: join(dir, `${stem}.serve.json`) }
}

/** Writes a kubeconfig for `api` at `path` (owner-only: it may hold the token). Returns the path. */
export function writeKubeconfig(path: string, api: Pick<ServedApi, 'url' | 'token'>): string {
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 })
  writeFileSync(path, kubeconfigText(kubeconfigServer(api.url, api.token)), { mode: 0o600 })
  return path
}

/** The record at `path`, or undefined when there is none or it is not one Podlab wrote. */
export function readServedApi(path: string): ServedApi | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<ServedApi>
    if (typeof value.pid !== 'number' || typeof value.url !== 'string' || typeof value.hostname !== 'string') return undefined
    return { pid: value.pid, hostname: value.hostname, url: value.url, ...(typeof value.token === 'string' ? { token: value.token } : {}) }
  } catch {
    return undefined
  }
}

const refusal = (code: number, reason: Status['reason'], message: string): Status => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code })

/**
 * The door's admission: the Host check (421 Misdirected Request for another name, as the web host answers it)
 * and, when `token` is set, the token (401 Unauthorized, the API server's `Unauthorized`): in
 * `Authorization: Bearer TOKEN`, or as the first segment of the path, which it then strips. kubectl sends a
 * kubeconfig's token only over TLS (clientcmd applies user credentials to TLS transports alone), and this door
 * speaks plain HTTP: its kubeconfig carries the token in the server address instead, which kubectl keeps in front
 * of every path (kubectl-wire.md §0.1).
 */
export function kubeApiAdmission(host: string, token: string | undefined): (req: IncomingMessage) => Status | undefined {
  const allowed = allowedHostNames(host)
  const gate = token === undefined ? undefined : new TokenGate(token, 'podlab-api-token')
  return (req) => {
    if (!hostAllowed(req.headers.host, allowed)) {
      return refusal(421, 'BadRequest', 'This server does not answer to that host name (a guard against DNS rebinding); use the kubeconfig `podlab serve` wrote.')
    }
    if (!gate) return undefined
    const authorization = req.headers.authorization
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : undefined
    if (gate.matches(bearer)) return undefined
    const url = req.url ?? '/'
    const end = url.slice(1).search(/[/?]/)
    const segment = end < 0 ? url.slice(1) : url.slice(1, end + 1)
    let decoded: string | undefined
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      decoded = undefined
    }
    if (!gate.matches(decoded)) return refusal(401, 'Unauthorized', 'Unauthorized')
    const rest = url.slice(segment.length + 1)
    req.url = rest.startsWith('/') ? rest : `/${rest}`
    return undefined
  }
}

/** The kubeconfig's server address: the API's, with the token as its path when one is required (see kubeApiAdmission). */
export function kubeconfigServer(url: string, token: string | undefined): string {
  return token === undefined ? url : `${url}/${encodeURIComponent(token)}`
}

export interface ServedKubeApi extends KubeApi {
  kubeconfig: string
}

/**
 * Starts the API for `clusterFile`'s engine on `host:port`, writes its kubeconfig and the serve record in
 * `dir`. close() stops it and removes the record (the kubeconfig stays: it names an address that is gone,
 * which kubectl reports as such).
 */
export async function serveKubeApi(options: { engine: Engine; host: string; port: number; token?: string; clusterFile: string; dir: string }): Promise<ServedKubeApi> {
  const api = await startKubeApi({ engine: options.engine, host: options.host, port: options.port, admit: kubeApiAdmission(options.host, options.token) })
  const paths = kubeconfigPaths(options.clusterFile, options.dir)
  // A wildcard address is no address to connect to: the kubeconfig names this machine's loopback.
  const url = /^http:\/\/(0\.0\.0\.0|\[::\]):/.test(api.url) ? `http://127.0.0.1:${api.port}` : api.url
  const served: ServedApi = { pid: process.pid, hostname: hostname(), url, ...(options.token !== undefined ? { token: options.token } : {}) }
  try {
    writeKubeconfig(paths.kubeconfig, served)
    writeFileSync(paths.record, JSON.stringify(served), { mode: 0o600 })
  } catch (e) {
    await api.close()
    throw e
  }
  return {
    ...api,
    url,
    kubeconfig: paths.kubeconfig,
    close: async () => {
      const still = readServedApi(paths.record)
      if (still?.pid === process.pid) rmSync(paths.record, { force: true })
      await api.close()
    },
  }
}
