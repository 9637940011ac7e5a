// `podlab node add|delete`: the node is created through the Engine (a recorded `create` command) and gets its
// kubelet; flags are checked before anything is written, and the API server's refusals read as kubectl's.

import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeManifest } from './node-command'
import { podlab } from '../../host/testing/run-podlab'

const newDb = () => join(mkdtempSync(join(tmpdir(), 'podlab-node-')), 'c.podlab')

describe('podlab node add / delete', () => {
  it('adds a node with the given shape, labels and taints; kubectl sees it Ready; the create is in the command log', async () => {
    const db = newDb()
    const added = await podlab(['--db', db, 'node', 'add', 'gpu-1', '--cpu', '8', '--memory=32Gi', '--pods', '50', '--labels', 'disktype=ssd,zone=', '--taints', 'gpu=yes:NoSchedule,spot:PreferNoSchedule'])
    expect(added).toEqual({ code: 0, out: 'node/gpu-1 created\n', err: '' })
    const got = await podlab(['--db', db, 'kubectl', 'get', 'node', 'gpu-1', '-o', 'json'])
    const node = JSON.parse(got.out)
    expect(node.status.capacity).toEqual({ cpu: '8', 'ephemeral-storage': '259962224Ki', memory: '32Gi', pods: '50' })
    expect(node.metadata.labels).toMatchObject({ disktype: 'ssd', zone: '', 'kubernetes.io/hostname': 'gpu-1' })
    expect(node.spec.taints).toEqual([{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }, { key: 'spot', effect: 'PreferNoSchedule' }])
    expect((await podlab(['--db', db, 'kubectl', 'get', 'nodes'])).out).toMatch(/\ngpu-1 +Ready +<none> +0s +v1\.32\.5\n/)
    const file = new Database(db, { readonly: true })
    const commands = file.prepare("SELECT call, door FROM commands WHERE call = 'create'").all()
    file.close()
    expect(commands).toEqual([{ call: 'create', door: 'cli' }])
  })

  it('deletes a node', async () => {
    const db = newDb()
    await podlab(['--db', db, 'node', 'add', 'extra'])
    expect(await podlab(['--db', db, 'node', 'delete', 'extra'])).toEqual({ code: 0, out: 'node "extra" deleted\n', err: '' })
    expect((await podlab(['--db', db, 'kubectl', 'get', 'node', 'extra'])).err).toBe('Error from server (NotFound): nodes "extra" not found\n')
  })

  it.each([
    ['a CPU that is no quantity', ['x', '--cpu', 'lots'], /^--cpu must be a quantity such as 4 or 500m, got "lots": /],
    ['pods past the kubelet\'s int32', ['x', '--pods', '2147483648'], /^--pods must be a whole number from 0 to 2147483647, got "2147483648"$/],
    ['a fraction of pods', ['x', '--pods', '1.5'], /^--pods must be a whole number/],
    ['a label without =', ['x', '--labels', 'ssd'], /^invalid label spec: ssd$/],
    ['a taint without an effect', ['x', '--taints', 'gpu=yes'], /^invalid taint spec: gpu=yes$/],
    ['a taint effect kubectl does not know', ['x', '--taints', 'gpu:Never'], /^invalid taint effect: Never, unsupported taint effect$/],
    ['an unknown flag', ['x', '--gpus', '2'], /^unknown flag: --gpus$/],
    ['no name', ['--cpu', '2'], /^node add takes one NAME\n/],
  ])('refuses %s before writing anything', (_what, args, message) => {
    const result = nodeManifest(args)
    expect(result).toBeInstanceOf(Error)
    expect((result as Error).message).toMatch(message)
  })

  it("the API server's refusals print as kubectl prints them, and the file keeps no node", async () => {
    const db = newDb()
    const negative = await podlab(['--db', db, 'node', 'add', 'x', '--cpu', '-1'])
    expect(negative.code).toBe(1)
    expect(negative.err).toBe(
      'The Node "x" is invalid: \n* status.capacity.cpu: Invalid value: "-1": must be greater than or equal to 0\n* status.allocatable.cpu: Invalid value: "-1": must be greater than or equal to 0\n',
    )
    const twice = await podlab(['--db', db, 'node', 'add', 'podlab-worker'])
    expect(twice).toEqual({ code: 1, out: '', err: 'Error from server (AlreadyExists): nodes "podlab-worker" already exists\n' })
    expect((await podlab(['--db', db, 'node', 'delete', 'nope'])).err).toBe('Error from server (NotFound): nodes "nope" not found\n')
  })

  it('podlab --help lists the node commands', async () => {
    expect((await podlab(['--help'])).out).toContain('node add NAME [--cpu N] [--memory Q] [--pods N] [--labels k=v,...] [--taints k=v:Effect,...]')
  })
})

describe('podlab node stop / start / partition / heal (Engine.powerNode, a recorded command)', () => {
  it('stops a worker: 60 s later kubectl shows it NotReady; started again it is Ready; both are in the command log', async () => {
    const db = newDb()
    expect(await podlab(['--db', db, 'node', 'stop', 'podlab-worker'])).toEqual({ code: 0, out: 'node/podlab-worker stopped\n', err: '' })
    await podlab(['--db', db, 'advance', '60s'])
    expect((await podlab(['--db', db, 'kubectl', 'get', 'nodes'])).out).toMatch(/\npodlab-worker +NotReady +<none> /)
    expect(await podlab(['--db', db, 'node', 'start', 'podlab-worker'])).toEqual({ code: 0, out: 'node/podlab-worker started\n', err: '' })
    expect((await podlab(['--db', db, 'kubectl', 'get', 'nodes'])).out).toMatch(/\npodlab-worker +Ready +<none> /)
    const file = new Database(db, { readonly: true })
    const commands = file.prepare("SELECT call, payload FROM commands WHERE call = 'powerNode'").all()
    file.close()
    expect(commands).toEqual([
      { call: 'powerNode', payload: '{"name":"podlab-worker","operation":"stop"}' },
      { call: 'powerNode', payload: '{"name":"podlab-worker","operation":"start"}' },
    ])
  })

  it('says why an operation does nothing, and names a missing node as kubectl does', async () => {
    const db = newDb()
    expect(await podlab(['--db', db, 'node', 'start', 'podlab-worker'])).toEqual({ code: 1, out: '', err: 'error: node podlab-worker is running: it cannot be started\n' })
    expect(await podlab(['--db', db, 'node', 'heal', 'nope'])).toEqual({ code: 1, out: '', err: 'Error from server (NotFound): nodes "nope" not found\n' })
    expect((await podlab(['--db', db, 'node', 'stop'])).err).toMatch(/^error: node stop takes one NAME\n/)
    expect(await podlab(['--db', db, 'node', 'partition', 'podlab-worker2'])).toEqual({ code: 0, out: 'node/podlab-worker2 partitioned\n', err: '' })
    expect(await podlab(['--db', db, 'node', 'heal', 'podlab-worker2'])).toEqual({ code: 0, out: 'node/podlab-worker2 healed\n', err: '' })
  })
})
