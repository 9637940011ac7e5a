// The REST door served for a cluster file, by whichever host runs its clock (`podlab serve`, the desktop app):
// started on its address, with the kubeconfig that points a real kubectl or client library at it, and while it
// runs a record beside the kubeconfig naming the serving process and its address, so that
// `podlab --db FILE kubeconfig --write` in another terminal can write a kubeconfig for it. The host decides who
// may come in (`admit`).

import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { hostname } from 'node:os'
import { basename, join, resolve } from 'node:path'
import type { Engine } from '../engine'
import type { Status } from '../kube'
import { allowedHostNames, hostAllowed } from '../door/host-check'
import { kubeconfigText } from './kubeconfig'
import { startKubeApi, type KubeApi } from './server'

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

/** The kubeconfig's server address: the API's, with the token as its path when one is required (see main/host/kubeapi-serve.ts). */
export function kubeconfigServer(url: string, token: string | undefined): string {
  return token === undefined ? url : `${url}/${encodeURIComponent(token)}`
}

/** Writes a kubeconfig for `api` at `path` (owner-only: it may hold the token). Returns the path. Throws the file system's errors. */
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

/** A refusal at the door, before any Kubernetes handler (401, 421): a Failure Status. */
export const refusal = (code: number, reason: Status['reason'], message: string): Status => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code })

/**
 * The DNS-rebinding Host check of a door bound to `host`: 421 Misdirected Request for another name, as the web
 * host answers it (a page on evil.example that resolves to 127.0.0.1 must not reach the cluster).
 */
export function hostAdmission(host: string): (req: IncomingMessage) => Status | undefined {
  const allowed = allowedHostNames(host)
  return (req) =>
    hostAllowed(req.headers.host, allowed)
      ? undefined
      : refusal(421, 'BadRequest', 'This server does not answer to that host name (a guard against DNS rebinding); use the kubeconfig Podlab wrote.')
}

export interface ServedKubeApi extends KubeApi {
  kubeconfig: string
}

export interface ServeKubeApiOptions {
  engine: Engine
  host: string
  /** 0 picks a free port. */
  port: number
  /** The token the admission asks for, written into the kubeconfig's server address. */
  token?: string
  admit: (req: IncomingMessage) => Status | undefined
  clusterFile: string
  /** The folder of the kubeconfig and the record. */
  dir: string
}

/**
 * Starts the API for `clusterFile`'s engine on `host:port`, writes its kubeconfig and the serve record in
 * `dir`. close() stops it and removes the record (the kubeconfig stays: it names an address that is gone,
 * which kubectl reports as such). Rejects when the port cannot be had or the files cannot be written.
 */
export async function serveKubeApi(options: ServeKubeApiOptions): Promise<ServedKubeApi> {
  const api = await startKubeApi({ engine: options.engine, host: options.host, port: options.port, admit: options.admit })
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
