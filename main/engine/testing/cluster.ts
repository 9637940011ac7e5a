// For tests: a fresh cluster file, the seed notes' corrected pod, and ways to read a pod as kubectl shows it.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { Pod } from '../api/pods/types'
import type { Engine } from '../engine'
import { openCluster } from '../open-cluster'
import type { CoreEvent } from '../api/events/types'

export const tmpFile = () => join(mkdtempSync(join(tmpdir(), 'podlab-cluster-')), 'c.podlab')

/** testdata/seed/pod-mynginx.yaml with `metadata` spelled right. */
export const MYNGINX = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { labels: { run: 'mynginx' }, name: 'mynginx' },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
}

export function pod(engine: Engine, name = 'mynginx'): Pod {
  return engine.get('pods', 'default', name) as Pod
}

/** The events about a pod, oldest change first. */
export function eventsFor(engine: Engine, name: string): CoreEvent[] {
  return (engine.list('events', 'default').items as CoreEvent[])
    .filter((e) => e.involvedObject?.name === name)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
}

/** The pod's row as `kubectl get pods` shows it: NAME | READY | STATUS | RESTARTS | AGE. */
export function row(engine: Engine, name: string): string {
  const table = engine.table('pods', 'default')
  const found = table.rows.find((r) => r.object.metadata.name === name)
  return (found?.cells.slice(0, 5) ?? []).join(' | ')
}

/** For a test file: opens manual-clock clusters on fresh files, each closed after the test that opened it. */
export function manualClusters(): () => Engine {
  const opened: Engine[] = []
  afterEach(() => opened.splice(0).forEach((e) => e.close()))
  return () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    opened.push(engine)
    return engine
  }
}

/** A Deployment of `replicas` pods of one container `c` running `image` (with `command` when given). */
export function deploymentManifest(name: string, replicas: number, image: string, options: { command?: string[]; namespace?: string } = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: options.namespace ?? 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image, ...(options.command ? { command: options.command } : {}) }] } },
    },
  }
}
