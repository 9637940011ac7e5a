import { describe, expect, it } from 'vitest'
import { eventsFor, manualClusters, MYNGINX } from '../testing/cluster'

// Through the real containerd: the end chaos brings about is recorded with chaos as its cause (not a plain
// exit), and no event names chaos, since no Kubernetes component would record one.
describe('a container chaos ends: the cause in container_transitions, no invented event', () => {
  const cluster = manualClusters()

  it.each([
    ['kill', 'Error'],
    ['oom', 'OOMKilled'],
  ] as const)('chaos %s: running -> terminated (%s, 137) caused by chaos SIGKILL', (op, reason) => {
    const engine = cluster()
    engine.create(MYNGINX)
    engine.advance(30_000)
    engine.chaos({ op, pod: 'mynginx' })
    engine.advance(1_000)
    const ended = engine.timeline('default', 'mynginx').filter((t) => t.from === 'running' && t.to === 'terminated')
    expect(ended).toEqual([expect.objectContaining({ container: 'nginx', reason, exitCode: 137, cause: { kind: 'chaos', signal: 'SIGKILL' } })])
    expect(eventsFor(engine, 'mynginx').map((e) => e.source?.component)).not.toContain('chaoskube')
    expect(eventsFor(engine, 'mynginx').map((e) => e.reason)).not.toContain('Chaos')
  })

  it('a signal the program handles (nginx ends on TERM) is chaos too, with that signal', () => {
    const engine = cluster()
    engine.create(MYNGINX)
    engine.advance(30_000)
    engine.chaos({ op: 'kill', pod: 'mynginx', signal: 'TERM' })
    engine.advance(1_000)
    const ended = engine.timeline('default', 'mynginx').filter((t) => t.to === 'terminated')
    expect(ended.map((t) => t.cause)).toEqual([{ kind: 'chaos', signal: 'SIGTERM' }])
  })
})
