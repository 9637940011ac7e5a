// The console runs `kubectl run -it --rm ... -- sh` as a terminal does: a shell the user types into, its exit
// code as the line's, and the pod deleted after (issue 9: the notes' `run`, tutorials' throwaway busybox).
import { afterEach, describe, expect, it } from 'vitest'
import type { HostEngine } from '../../engine'
import { openCluster } from '../../engine'
import { tmpFile } from '../../engine/testing/cluster'
import { runLine } from './run-line'

const opened: HostEngine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

describe('kubectl run -it in the console', () => {
  it('--rm --restart=Never -- sh: typed lines answered, `exit 3` ends the line with 3 after `pod "box" deleted`', async () => {
    const engine = openCluster(tmpFile(), { mode: 'manual', seed: '11' })
    opened.push(engine)
    let out = ''
    let err = ''
    const running = runLine('kubectl run box --image=busybox -it --rm --restart=Never -- sh', {
      engine,
      columns: 80,
      write: (s, t) => (s === 'stdout' ? (out += t) : (err += t)),
    })
    engine.advance(30_000)
    expect(err).toBe("If you don't see a command prompt, try pressing enter.\n")
    running.input('echo in $(hostname)\n')
    engine.advance(1_000)
    expect(out).toBe('in box\n/ # ')
    running.input('exit 3\n')
    engine.advance(5_000)
    expect(await running.done).toBe(3)
    expect(out.endsWith('pod "box" deleted\n')).toBe(true)
    expect(err.endsWith('pod default/box terminated (Error)\n')).toBe(true)
  })
})
