// The Engine's logs and exec go through the API server's pod (NotFound for a missing one) to the runtime, and
// exec is a recorded command, so a cluster file replays with it.

import { describe, expect, it } from 'vitest'
import type { Pod } from '../api/pods/types'
import { Cluster } from '../cluster'
import { CommandLog } from '../store/command-log'
import { NODE, runtimeHarness } from './testing/harness'

const harness = runtimeHarness()

describe('the Engine face for logs and exec', () => {
  it('logs and exec reach the container the pod status names; exec is recorded as a command; a missing pod is NotFound', () => {
    const h = harness()
    const id = h.start({ command: ['serve', '80'] })
    const commands = new CommandLog(h.world.db, 'test')
    const engine = new Cluster(h.world, h.world.clock, commands, h.containerd)
    // No kubelet runs here: the status it would write names the runtime's container.
    const created = engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: NODE, containers: [{ name: 'c', image: 'test' }] } }) as Pod
    const status = { containerStatuses: [{ name: 'c', state: { running: {} }, lastState: {}, ready: true, restartCount: 0, image: 'test', imageID: '', containerID: `containerd://${id}` }] }
    h.tx(() => h.world.write('MODIFIED', 'pods', { ...created, status } as Pod))
    expect(engine.logs({ namespace: 'default', pod: 'p' })).toBe('listening on 80\n')
    expect(engine.exec({ namespace: 'default', pod: 'p', command: ['get', 'localhost', '80', '/'] })).toEqual({ stdout: '200 ok\n', stderr: '', exitCode: 0 })
    expect(engine.logs({ namespace: 'default', pod: 'p' })).toBe('listening on 80\nGET / 200\n')
    expect(commands.since().map((c) => [c.call, JSON.parse(c.payload)]).slice(1)).toEqual([
      ['exec', { request: { namespace: 'default', pod: 'p', command: ['get', 'localhost', '80', '/'] } }],
    ])
    expect(() => engine.logs({ namespace: 'default', pod: 'nope' })).toThrow('pods "nope" not found')
  })
})
