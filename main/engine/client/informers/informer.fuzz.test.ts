import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../kube'
import { openWorld, transact } from '../../controller/testing/world'
import { ApiServer } from '../../api/server'
import { parseSelector } from '../../labels'
import { MYNGINX, tmpFile } from '../../testing/cluster'
import { fuzzRuns } from '../../testing/fuzz'
import type { World } from '../../world'

// Bare objects written straight through World.write (no controllers): what the informers must mirror.
const NAMESPACES = ['a', 'a-x', 'b']
const NAMES = ['p', 'p-1', 'p.1', 'q']
const NODES = ['n1', 'n2']
const OWNERS = ['u1', 'u2', 'u3']

const write = fc.record({
  deleted: fc.boolean(),
  namespace: fc.constantFrom(...NAMESPACES),
  name: fc.constantFrom(...NAMES),
  node: fc.option(fc.constantFrom(...NODES), { nil: undefined }),
  owners: fc.subarray(OWNERS),
  app: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
})
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never

const step = fc.record({
  who: fc.constantFrom('this process', 'this process, rolled back', 'another process'),
  writes: fc.array(write, { minLength: 1, maxLength: 4 }),
  read: fc.boolean(),
})

/** A pod as the API server stores it (defaulted, so it reads back from the file): the shape each write copies. */
let template: KubeObject & { spec: object }

function apply(world: World, w: Write): void {
  const existing = world.store.get('pods', w.namespace, w.name)
  if (w.deleted) {
    if (existing) world.write('DELETED', 'pods', existing)
    return
  }
  const pod: KubeObject = {
    ...template,
    metadata: {
      namespace: w.namespace,
      name: w.name,
      uid: `${w.namespace}-${w.name}`,
      labels: w.app ? { app: w.app } : undefined,
      ownerReferences: w.owners.map((uid) => ({ apiVersion: 'v1', kind: 'X', name: uid, uid })),
    },
    spec: { ...template.spec, nodeName: w.node },
  }
  world.write(existing ? 'MODIFIED' : 'ADDED', 'pods', pod)
}

function expectListerMatchesStore(world: World): void {
  const lister = world.informers.informer('pods').lister()
  const all = world.store.list('pods')
  expect(lister.list()).toEqual(all)
  for (const ns of NAMESPACES) expect(lister.list(ns)).toEqual(world.store.list('pods', ns))
  for (const node of NODES) expect(lister.byIndex('nodeName', node)).toEqual(all.filter((p) => (p as { spec: { nodeName?: string } }).spec.nodeName === node))
  for (const uid of OWNERS) expect(lister.byIndex('ownerUid', uid)).toEqual(all.filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === uid)))
  for (const ns of NAMESPACES) expect(lister.byIndex('namespace', ns)).toEqual(world.store.list('pods', ns))
  expect(lister.list(undefined, parseSelector('app=x'))).toEqual(all.filter((p) => p.metadata.labels?.app === 'x'))
  for (const ns of NAMESPACES) for (const name of NAMES) expect(lister.get(ns, name)).toEqual(world.store.get('pods', ns, name))
}

describe('informer listers and indexes equal the store after random writes, deletes, rollbacks and other processes\' commits', () => {
  const path = tmpFile()
  const here = openWorld(path, [], { bare: true })
  const there = openWorld(path, [], { bare: true })
  template = transact(here, () => {
    const pod = new ApiServer(here).create(MYNGINX)
    here.write('DELETED', 'pods', pod)
    return pod as typeof template
  })
  afterAll(() => {
    here.db.close()
    there.db.close()
  })

  it('lister.list / list(namespace) / byIndex / get / selector == store, in the store\'s order, after every step', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        for (const s of steps) {
          const world = s.who === 'another process' ? there : here
          try {
            transact(world, () => {
              for (const w of s.writes) apply(world, w)
              if (s.read) expectListerMatchesStore(world)
              if (s.who === 'this process, rolled back') throw new Error('rolled back')
            })
          } catch (e) {
            if (!(e instanceof Error && e.message === 'rolled back')) throw e
          }
          here.catchUp()
          expectListerMatchesStore(here)
        }
      }),
      { numRuns: fuzzRuns(20) },
    )
  })
})
