import { describe, expect, it } from 'vitest'
import { openClusterFile } from './cluster-file'
import { NodeState } from './node-state'

const rows = (db: ReturnType<typeof openClusterFile>['db']) => db.prepare('SELECT node, key, value FROM node_state ORDER BY 1, 2').all()

describe('node_state, written once per transaction', () => {
  it('a set is read back at once but reaches the file only at flush, its last value once', () => {
    const { db } = openClusterFile(':memory:')
    const state = new NodeState(db)
    state.set('n1', 'k', { v: 1 })
    state.set('n1', 'k', { v: 2 })
    expect(state.get('n1', 'k')).toEqual({ v: 2 })
    expect(rows(db)).toEqual([])
    state.flush()
    expect(rows(db)).toEqual([{ node: 'n1', key: 'k', value: '{"v":2}' }])
  })

  it('get hands out a copy: changing it changes nothing held', () => {
    const { db } = openClusterFile(':memory:')
    const state = new NodeState(db)
    state.set('n1', 'k', { v: 1 })
    state.get<{ v: number }>('n1', 'k')!.v = 9
    expect(state.get('n1', 'k')).toEqual({ v: 1 })
  })

  it('peek parses a value once and shares it until the next set, which it then reflects', () => {
    const { db } = openClusterFile(':memory:')
    const state = new NodeState(db)
    state.set('n1', 'k', { v: 1 })
    const first = state.peek<{ v: number }>('n1', 'k')
    expect(first).toEqual({ v: 1 })
    expect(state.peek('n1', 'k')).toBe(first)
    state.set('n1', 'k', { v: 2 })
    expect(state.peek('n1', 'k')).toEqual({ v: 2 })
    state.remove('n1', 'k')
    expect(state.peek('n1', 'k')).toBeUndefined()
  })

  it('clear (a rollback) forgets what was not flushed; remove and removeNode reach the file', () => {
    const { db } = openClusterFile(':memory:')
    const state = new NodeState(db)
    state.set('n1', 'a', 1)
    state.set('n2', 'b', 2)
    state.flush()
    state.set('n1', 'a', 3)
    state.clear()
    expect(state.get('n1', 'a')).toBe(1)
    state.remove('n1', 'a')
    expect(state.get('n1', 'a')).toBeUndefined()
    state.flush()
    state.set('n2', 'c', 4)
    state.removeNode('n2')
    state.flush()
    expect(rows(db)).toEqual([])
    expect(state.get('n2', 'c')).toBeUndefined()
  })
})
