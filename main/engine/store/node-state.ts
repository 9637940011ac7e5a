// What each simulated node keeps outside the API: its image cache, its IP allocator, its containers.
// In Kubernetes this lives in the kubelet's memory and the container runtime; here it is a JSON value per
// (node, key) in the cluster file, written in the same transaction as the API objects it explains.
//
// Values are kept in memory as their JSON text and written to the file once per transaction (`flush`, from
// World.commit), not at each set: a probe every 10 s on 1,000 pods sets a container's record (its log
// position, nginx's connection count) thousands of times a minute, and each was an SQLite write. What the file
// holds after a commit is what a write per set would have left; a rollback or another process's commit drops
// the memory (`clear`).

import type { DB } from './cluster-file'
import { damagedRow } from './open/errors'

/** A value as this process knows it: its JSON text (undefined: none), and whether the file still lacks it. */
interface Held {
  json: string | undefined
  dirty: boolean
  /** `json` parsed, once, for peek(). */
  parsed?: unknown
}

/** Clean values kept at most; past it, a flush forgets the clean ones (the file has them). */
const MAX_HELD = 200_000

export class NodeState {
  private readonly q
  private readonly held = new Map<string, Held>()

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

  /** The value stored for (node, key), a fresh copy each time; ClusterFileDamaged when it is not JSON. */
  get<T>(node: string, key: string): T | undefined {
    const held = this.hold(node, key)
    return held.json === undefined ? undefined : this.parse<T>(held.json, node, key)
  }

  /**
   * The value stored for (node, key) as get() reads it, but parsed once and shared until the next set: for readers
   * that only look. The eviction manager reads every container's usage on its node at each pod change there
   * (100 pods on a node: 100 parses per sync), and a fresh copy each time was an eighth of an advance. Never
   * change what it returns.
   */
  peek<T>(node: string, key: string): Readonly<T> | undefined {
    const held = this.hold(node, key)
    if (held.json === undefined) return undefined
    held.parsed ??= this.parse<T>(held.json, node, key)
    return held.parsed as Readonly<T>
  }

  private hold(node: string, key: string): Held {
    const id = heldId(node, key)
    let held = this.held.get(id)
    if (!held) {
      held = { json: this.q.get.get(node, key)?.value, dirty: false }
      this.held.set(id, held)
    }
    return held
  }

  private parse<T>(json: string, node: string, key: string): T {
    try {
      return JSON.parse(json) as T
    } catch {
      throw damagedRow(this.db.name, `node_state row ${node}/${key} is not JSON`)
    }
  }

  set(node: string, key: string, value: unknown): void {
    this.setJson(node, key, JSON.stringify(value))
  }

  /** set() of a value its caller has already turned into JSON (`json`, JSON.stringify's text). */
  setJson(node: string, key: string, json: string): void {
    this.held.set(heldId(node, key), { json, dirty: true })
  }

  remove(node: string, key: string): void {
    this.held.set(heldId(node, key), { json: undefined, dirty: true })
  }

  /** Forgets everything `node` kept (its node is gone: its containers, images and addresses with it). */
  removeNode(node: string): void {
    const prefix = heldId(node, '')
    for (const id of this.held.keys()) if (id.startsWith(prefix)) this.held.delete(id)
    this.q.removeNode.run(node)
  }

  /** Writes what changed since the last flush into the file (inside the caller's transaction). */
  flush(): void {
    for (const [id, held] of this.held) {
      if (!held.dirty) continue
      const [node, key] = splitId(id)
      if (held.json === undefined) this.q.remove.run(node, key)
      else this.q.set.run(node, key, held.json)
      held.dirty = false
    }
    if (this.held.size > MAX_HELD) this.held.clear()
  }

  /** Drops what is not in the file (a rolled-back transaction) and what may be stale (another process committed). */
  clear(): void {
    this.held.clear()
  }
}

const heldId = (node: string, key: string): string => `${node}\u0000${key}`

function splitId(id: string): [string, string] {
  const bar = id.indexOf('\u0000')
  return [id.slice(0, bar), id.slice(bar + 1)]
}
