// What each simulated node keeps outside the API: its image cache, its IP allocator, its containers.
// In Kubernetes this lives in the kubelet's memory and the container runtime; here it is a JSON value per
// (node, key) in the cluster file, written in the same transaction as the API objects it explains.

import type { DB } from './cluster-file'
import { damagedRow } from './open/errors'

export class NodeState {
  private readonly q

  constructor(private readonly db: DB) {
    this.q = {
      get: db.prepare<[string, string], { value: string }>('SELECT value FROM node_state WHERE node = ? AND key = ?'),
      set: db.prepare(
        'INSERT INTO node_state (node, key, value) VALUES (?, ?, ?) ON CONFLICT (node, key) DO UPDATE SET value = excluded.value',
      ),
      remove: db.prepare('DELETE FROM node_state WHERE node = ? AND key = ?'),
      removeNode: db.prepare('DELETE FROM node_state WHERE node = ?'),
    }
  }

  /** The value stored for (node, key); ClusterFileDamaged when it is not JSON. */
  get<T>(node: string, key: string): T | undefined {
    const row = this.q.get.get(node, key)
    if (!row) return undefined
    try {
      return JSON.parse(row.value) as T
    } catch {
      throw damagedRow(this.db.name, `node_state row ${node}/${key} is not JSON`)
    }
  }

  set(node: string, key: string, value: unknown): void {
    this.q.set.run(node, key, JSON.stringify(value))
  }

  remove(node: string, key: string): void {
    this.q.remove.run(node, key)
  }

  /** Forgets everything `node` kept (its node is gone: its containers, images and addresses with it). */
  removeNode(node: string): void {
    this.q.removeNode.run(node)
  }
}
