// get -w on a real engine: the list first, then each changed row without a header as the clock runs, the EVENT
// column with --output-watch-events, nothing before the first change with --watch-only, and the watch refused
// over two resource types.
import { describe, expect, it } from 'vitest'
import { manualClusters } from '../../../engine/testing/cluster'
import { runKubectl } from '../../run-kubectl'
import type { Engine } from '../../../engine'

const open = manualClusters()
const io = (engine: Engine) => ({ engine, readFile: () => '', readStdin: () => '' })
const POD = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }

function follow(engine: Engine, args: string[]) {
  const result = runKubectl(args, io(engine))
  const written: string[] = []
  const stop = result.follow?.start((_stream, text) => written.push(text), () => undefined)
  return { result, written, stop }
}

describe('kubectl get -w', () => {
  it('prints the table, then the pod row each time it changes, without a second header', () => {
    const engine = open()
    engine.create(POD)
    const { result, written, stop } = follow(engine, ['get', 'pods', '-w'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+0\/1\s+\S+\s+0\s+0s\n$/)
    engine.advance(30_000)
    stop?.()
    expect(written.length).toBeGreaterThan(0)
    expect(written.join('')).not.toContain('NAME')
    expect(written.at(-1)).toMatch(/^web\s+1\/1\s+Running\s+0\s+30s\n$/)
  })

  it('--output-watch-events puts the event type first; a deleted pod is DELETED', () => {
    const engine = open()
    engine.create(POD)
    engine.advance(30_000)
    const { result, written, stop } = follow(engine, ['get', 'pods', '--watch-only', '--output-watch-events'])
    expect(result.stdout).toBe('')
    engine.delete('pods', 'default', 'web', { gracePeriodSeconds: 0 })
    engine.advance(1_000)
    stop?.()
    expect(written.join('')).toMatch(/^EVENT\s+NAME\s+READY\s+STATUS/)
    expect(written.join('')).toMatch(/\nDELETED\s+web\s/)
  })

  it('-o name prints the object by name at each of its changes (created, bound, ...)', () => {
    const engine = open()
    const { written, stop } = follow(engine, ['get', 'pods', '-w', '-o', 'name'])
    engine.create(POD)
    stop?.()
    expect(written.length).toBeGreaterThan(0)
    expect(new Set(written)).toEqual(new Set(['pod/web\n']))
  })

  it('two resource types cannot be watched together', () => {
    const engine = open()
    const result = runKubectl(['get', 'pods,nodes', '-w'], io(engine))
    expect(result).toMatchObject({ exitCode: 1, stderr: 'error: you may only specify a single resource type\n' })
  })
})
