import { describe, expect, it } from 'vitest'
import { closestName, editDistance } from './hints'

describe('hints', () => {
  it('counts edits as Levenshtein does', () => {
    expect([editDistance('metadate', 'metadata'), editDistance('app', 'apps'), editDistance('', 'abc'), editDistance('kitten', 'sitting')]).toEqual([1, 1, 3, 3])
  })

  it('suggests metadata for metadate, containerPort for containerport, and nothing for a word far from every field', () => {
    const fields = ['apiVersion', 'kind', 'metadata', 'spec', 'status']
    expect(closestName('metadate', fields)).toBe('metadata')
    expect(closestName('containerport', ['containerPort', 'hostPort'])).toBe('containerPort')
    expect(closestName('replicas', fields)).toBeUndefined()
  })
})
