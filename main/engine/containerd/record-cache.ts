// containerd's records in node_state, kept parsed in memory between calls: a probe's status or exec reads a
// pod's records without SQLite or JSON.parse, and writes back only what changed (compared as JSON). The memory
// is dropped whenever the World forgets its own (another process committed, a transaction rolled back), so it
// never outlives what the file says.

import type { NodeState } from '../store/node-state'

interface Entry {
  value: unknown
  json: string
}

export class RecordCache {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly nodeState: NodeState) {}

  get<T>(node: string, key: string): T | undefined {
    const id = `${node}\u0000${key}`
    const hit = this.entries.get(id)
    if (hit) return hit.value as T
    const value = this.nodeState.get<T>(node, key)
    if (value === undefined) return undefined
    this.entries.set(id, { value, json: JSON.stringify(value) })
    return value
  }

  /**
   * Stores `value` unless it is what the file already holds, compared as `same` (the value itself by default:
   * a field that need not be saved on its own, such as how far a pod has run, is left out there); returns
   * whether it wrote.
   */
  set(node: string, key: string, value: unknown, same: unknown = value): boolean {
    const id = `${node}\u0000${key}`
    const json = JSON.stringify(same)
    const hit = this.entries.get(id)
    if (hit && hit.json === json) {
      hit.value = value
      return false
    }
    if (same === value) this.nodeState.setJson(node, key, json)
    else this.nodeState.set(node, key, value)
    this.entries.set(id, { value, json })
    return true
  }

  remove(node: string, key: string): void {
    this.entries.delete(`${node}\u0000${key}`)
    this.nodeState.remove(node, key)
  }

  clear(): void {
    this.entries.clear()
  }
}
