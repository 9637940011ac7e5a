// Two nginx containers in one pod share its network namespace: the second cannot bind port 80 and ends as the
// real one does (ngx_open_listening_sockets: 5 tries 500 ms apart, `still could not bind()`, exit 1), then
// CrashLoopBackOff (a fresh user's issue 8 report).
import { describe, expect, it } from 'vitest'
import { openCluster } from '../../open-cluster'
import { pod, tmpFile } from '../../testing/cluster'

describe('two nginx containers binding port 80 in one pod', () => {
  it("the second prints nginx's bind() errors, exits 1 after 2.5 s and goes into CrashLoopBackOff; the first serves", () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'two' }, spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'nginx' }] } })
    engine.advance(60_000)
    const statuses = pod(engine, 'two').status!.containerStatuses!
    const a = statuses.find((s) => s.name === 'a')!
    const b = statuses.find((s) => s.name === 'b')!
    expect(a.state?.running).toBeDefined()
    expect(b.state?.waiting?.reason).toBe('CrashLoopBackOff')
    const last = b.lastState!.terminated!
    expect(last).toMatchObject({ exitCode: 1, reason: 'Error' })
    // 2.5 s, seen through RFC 3339 times of whole seconds.
    const ran = Date.parse(last.finishedAt!) - Date.parse(last.startedAt!)
    expect(ran >= 2_000 && ran <= 3_000).toBe(true)
    const log = engine.logs({ namespace: 'default', pod: 'two', container: 'b', previous: true }).split('\n')
    const nginxLines = log.filter((l) => / \[(emerg|notice)\] 1#1: |^nginx: /.test(l)).map((l) => l.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /, ''))
    const oneTry = [
      '[emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address already in use)',
      'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)',
      '[emerg] 1#1: bind() to [::]:80 failed (98: Address already in use)',
      'nginx: [emerg] bind() to [::]:80 failed (98: Address already in use)',
      '[notice] 1#1: try again to bind() after 500ms',
    ]
    expect(nginxLines).toEqual([...oneTry, ...oneTry, ...oneTry, ...oneTry, ...oneTry, '[emerg] 1#1: still could not bind()', 'nginx: [emerg] still could not bind()'])
    engine.close()
  })
})
