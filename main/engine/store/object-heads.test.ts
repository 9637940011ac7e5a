// The pods' heads (object_heads): `kubectl get pods` prints from them exactly what it prints from whole pods,
// migration 0007's SQL backfill projects what ObjectStore.write keeps, and a head Podlab never wrote is a
// ClusterFileDamaged sentence, not a TypeError or a wrong column.

import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { Engine } from '../engine'
import { openCluster } from '../open-cluster'
import { podHead, type PodHead } from '../printers/pod-head'
import type { Pod } from '../api/pods/types'
import { tmpFile } from '../testing/cluster'
import { smallClusterFile } from '../testing/cluster-file-bytes'
import { ClusterFileDamaged } from './cluster-file'
import { ObjectHeads } from './object-heads'

const pod = (name: string, spec: Record<string, unknown>, namespace = 'default') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }], ...spec },
})

/** Pods in most of the states printPod tells apart: running, crash-looping, init failing, sidecar, gated, pending, terminating. */
function variedCluster(path: string): Engine {
  const engine = openCluster(path, { mode: 'manual' })
  engine.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } })
  engine.create(pod('running', {}))
  engine.create(pod('crashing', { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 3'] }] }))
  engine.create(pod('init-failing', { initContainers: [{ name: 'setup', image: 'busybox', command: ['false'] }] }))
  engine.create(pod('sidecar', { initContainers: [{ name: 'log', image: 'busybox', command: ['sleep', '3600'], restartPolicy: 'Always' }] }))
  engine.create(pod('gated', { readinessGates: [{ conditionType: 'example.com/ready' }] }))
  engine.create(pod('nowhere', { nodeSelector: { disk: 'ssd' } }))
  engine.create(pod('two', { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox', command: ['sleep', '3600'] }] }, 'team'))
  engine.create(pod('leaving', {}))
  engine.advance(90_000)
  engine.delete('pods', 'default', 'leaving')
  engine.advance(1_000)
  return engine
}

describe('object_heads', () => {
  it('the pods table printed from the heads is the table printed from the whole pods, in every state', () => {
    const engine = variedCluster(tmpFile())
    try {
      const statuses = engine.table('pods', undefined).rows.map((r) => r.cells[2])
      expect(statuses).toEqual(expect.arrayContaining(['Running', 'CrashLoopBackOff', 'Init:CrashLoopBackOff', 'Pending', 'Terminating']))
      for (const namespace of [undefined, 'default', 'team']) {
        const whole = engine.list('pods', namespace).items
        expect(engine.table('pods', namespace)).toEqual(engine.tableOf('pods', whole))
      }
    } finally {
      engine.close()
    }
  })

  it("migration 0007's backfill projects each pod as the writer does, and a deleted pod's head goes with it", () => {
    const path = tmpFile()
    const engine = variedCluster(path)
    // Past its grace period: `leaving` is gone, its head with it.
    engine.advance(60_000)
    const pods = engine.list('pods', undefined).items as Pod[]
    expect(pods.map((p) => p.metadata.name)).not.toContain('leaving')
    engine.close()
    const written = new Database(path, { readonly: true })
    const heads = () => written.prepare("SELECT namespace || '/' || name AS key, head FROM object_heads ORDER BY 1").all()
    const byWriter = heads()
    written.close()
    expect(byWriter.map((h) => (h as { key: string }).key)).toEqual(pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).sort())

    const raw = new Database(path)
    raw.exec('DROP TABLE object_heads')
    raw.pragma('user_version = 7')
    raw.close()
    openCluster(path, { mode: 'manual' }).close()
    const migrated = new Database(path, { readonly: true })
    const byMigration = migrated.prepare("SELECT namespace || '/' || name AS key, head FROM object_heads ORDER BY 1").all() as Array<{ key: string; head: string }>
    migrated.close()
    const expected = pods.map((p) => ({ key: `${p.metadata.namespace}/${p.metadata.name}`, head: JSON.parse(JSON.stringify(podHead(p))) }))
    expect(byMigration.map((h) => ({ key: h.key, head: JSON.parse(h.head) }))).toEqual(expect.arrayContaining(expected))
    expect(byMigration).toHaveLength(expected.length)
  })
})

type HostileHead = [name: string, sql: string, sentence: RegExp]

const hostile: HostileHead[] = [
  ['a pod without a head', "DELETE FROM object_heads WHERE name = 'mynginx'", /is damaged: objects row pods\/default\/mynginx has no row in object_heads$/],
  ['a head that is not JSON', "UPDATE object_heads SET head = '{'", /is damaged: object_heads row pods\/default\/mynginx is not JSON$/],
  ['a head of another pod', `UPDATE object_heads SET head = json_set(head, '$.metadata.name', 'other')`, /object_heads row pods\/default\/mynginx has a metadata\.name that is not "mynginx"$/],
  [
    'a restartCount that is text',
    `UPDATE object_heads SET head = json_set(head, '$.status.containerStatuses[0].restartCount', '3')`,
    /object_heads row pods\/default\/mynginx has a head whose status\.containerStatuses\[0\]\.restartCount is not a whole number$/,
  ],
  ['containerStatuses that are an object', `UPDATE object_heads SET head = json_set(head, '$.status.containerStatuses', json('{}'))`, /has a head whose status\.containerStatuses is not a list$/],
  ['a null container status', `UPDATE object_heads SET head = json_set(head, '$.status.containerStatuses[0]', json('null'))`, /has a head whose status\.containerStatuses\[0\] is not an object$/],
  ['a creationTimestamp that is no time', `UPDATE object_heads SET head = json_set(head, '$.metadata.creationTimestamp', 'yesterday')`, /has a head whose metadata\.creationTimestamp is not an RFC 3339 time$/],
]

describe('a head Podlab never wrote', () => {
  it.each(hostile)('%s is a ClusterFileDamaged sentence from `get pods`', (_name, sql, sentence) => {
    const path = smallClusterFile()
    const db = new Database(path)
    db.exec(sql)
    db.close()
    const engine = openCluster(path, { mode: 'manual' })
    try {
      expect(() => engine.table('pods', 'default')).toThrow(ClusterFileDamaged)
      expect(() => engine.table('pods', 'default')).toThrow(sentence)
    } finally {
      engine.close()
    }
  })
})

describe('listing heads a page at a time', () => {
  /** The cluster file of variedCluster, closed, and the pod keys it holds. */
  function closedCluster(): { path: string; keys: string[] } {
    const path = tmpFile()
    const engine = variedCluster(path)
    const keys = engine.list('pods', undefined).items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)
    engine.close()
    return { path, keys }
  }
  const keysOf = (heads: Iterable<PodHead>) => [...heads].map((h) => `${h.metadata.namespace}/${h.metadata.name}`)

  it('pages of 2 list every pod once, by namespace and name, across namespaces and within one', () => {
    const { path, keys } = closedCluster()
    const db = new Database(path, { readonly: true })
    try {
      const heads = new ObjectHeads(db)
      expect(keysOf(heads.list(undefined, 2))).toEqual(keys)
      expect(keysOf(heads.list('default', 2))).toEqual(keys.filter((k) => k.startsWith('default/')))
      expect(keysOf(heads.list(undefined, 500))).toEqual(keys)
    } finally {
      db.close()
    }
  })

  it('a pod another process commits between two pages is not listed: every page reads the first one\'s snapshot', () => {
    const { path, keys } = closedCluster()
    const reader = new Database(path)
    const writer = new Database(path)
    try {
      const listing = new ObjectHeads(reader).list(undefined, 2)
      const first = [listing.next().value as PodHead, listing.next().value as PodHead]
      writer.exec(`INSERT INTO objects SELECT resource, namespace, 'zz-late', 'late-uid', resource_version, body FROM objects WHERE resource = 'pods' AND name = 'running';
        INSERT INTO object_heads SELECT resource, namespace, 'zz-late', json_set(head, '$.metadata.name', 'zz-late') FROM object_heads WHERE name = 'running'`)
      const rest = keysOf({ [Symbol.iterator]: () => listing })
      expect([...keysOf(first), ...rest]).toEqual(keys)
      expect(keysOf(new ObjectHeads(reader).list(undefined, 2))).toContain('default/zz-late')
    } finally {
      reader.close()
      writer.close()
    }
  })
})
