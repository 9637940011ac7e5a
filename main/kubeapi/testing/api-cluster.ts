// A real engine in a temporary cluster file (manual clock) behind a real REST door on 127.0.0.1:0, and a small
// HTTP client for it: what the door's tests talk to.

import { mkdtempSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCluster, type HostEngine } from '../../engine'
import { startKubeApi, type KubeApi, type KubeApiOptions } from '../server'

export interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: () => any
}

export interface ApiCluster {
  engine: HostEngine
  api: KubeApi
  dir: string
  call(method: string, path: string, options?: { body?: string | Buffer; headers?: Record<string, string> }): Promise<Reply>
  close(): Promise<void>
}

export async function apiCluster(options: Omit<KubeApiOptions, 'engine'> = {}): Promise<ApiCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-kubeapi-'))
  const engine = openCluster(join(dir, 'c.podlab'), { mode: 'manual', door: 'kubeapi' })
  const api = await startKubeApi({ engine, ...options })
  const call: ApiCluster['call'] = (method, path, { body, headers = {} } = {}) =>
    new Promise((resolve, reject) => {
      const length = body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)), 'Content-Type': 'application/json' }
      const req = httpRequest(`${api.url}${path}`, { method, headers: { ...length, ...headers } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) })
        })
        res.on('error', reject)
      })
      req.on('error', reject)
      req.end(body)
    })
  return {
    engine,
    api,
    dir,
    call,
    close: async () => {
      await api.close()
      engine.close()
    },
  }
}

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json'

/** A pod manifest as kubectl sends it. */
export function podManifest(name: string, labels: Record<string, string> = { run: name }): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })
}

/** A one-replica nginx Deployment `name` (label app=NAME), as JSON. */
export function deploymentManifest(name: string): string {
  const labels = { app: name }
  return JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  })
}
