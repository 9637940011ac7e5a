// Issue 9 item 3: `podlab kubectl ... -w` / `logs -f` follow the clock until they end or Ctrl+C, and meanwhile this
// process is named the clock's owner (so `podlab advance` elsewhere does not run the cluster twice).

import { afterEach, describe, expect, it } from 'vitest'
import type { HostEngine } from '../engine/engine'
import { openCluster } from '../engine/open-cluster'
import { MYNGINX, tmpFile } from '../engine/testing/cluster'
import type { Follow } from '../kubectl/io'
import { thisProcess } from '../door/clock-owner'
import { followKubectl, INTERRUPTED_EXIT_CODE } from './follow-kubectl'

const opened: HostEngine[] = []
const open = () => {
  const engine = openCluster(tmpFile(), { mode: 'manual', door: 'cli' })
  opened.push(engine)
  return engine
}
afterEach(() => {
  for (const e of opened.splice(0)) e.close()
})

/** A follow that prints each watch event's object name, and ends with code 0 after `endAfter` of them. */
function namesFollow(engine: HostEngine, endAfter: number, stops: string[]): Follow {
  return {
    start(write, end) {
      let seen = 0
      const unwatch = engine.watch(engine.info().resourceVersion, (e) => {
        write('stdout', `${e.type} ${e.object.metadata.name}\n`)
        if (++seen === endAfter) end(0)
      })
      return () => {
        stops.push('stopped')
        unwatch()
      }
    },
  }
}

describe('followKubectl', () => {
  it('streams what happens while time moves, and returns the code of a follow that ends by itself', async () => {
    const engine = open()
    const out: string[] = []
    const stops: string[] = []
    let ownerWhileFollowing: unknown
    const code = await followKubectl(engine, namesFollow(engine, 1, stops), {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(`ERR ${t}`),
      interrupted: new Promise(() => {}),
      drive: (e, owned) => {
        expect(owned).toBe(false)
        ownerWhileFollowing = e.clockOwner()
        e.create(MYNGINX)
        return () => {}
      },
    })
    expect(code).toBe(0)
    expect(out[0]).toBe('ADDED mynginx\n')
    expect(stops).toEqual(['stopped'])
    expect(ownerWhileFollowing).toEqual(thisProcess('cli'))
    expect(engine.clockOwner()).toBeUndefined()
  })

  it('stops on Ctrl+C with 130, stops the follow and writes nothing after it', async () => {
    const engine = open()
    const out: string[] = []
    const stops: string[] = []
    let interrupt!: () => void
    const interrupted = new Promise<void>((r) => (interrupt = r))
    let stopDriveCalled = false
    const running = followKubectl(engine, namesFollow(engine, 99, stops), {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
      interrupted,
      drive: () => () => {
        stopDriveCalled = true
      },
    })
    interrupt()
    expect(await running).toBe(INTERRUPTED_EXIT_CODE)
    engine.create(MYNGINX)
    expect(out).toEqual([])
    expect(stops).toEqual(['stopped'])
    expect(stopDriveCalled).toBe(true)
  })

  it('under a running owner (the app, podlab serve) reads their changes instead of claiming the clock', async () => {
    const engine = open()
    const owner = thisProcess('web')
    engine.claimClock(owner)
    let ownedSeen: boolean | undefined
    const code = await followKubectl(engine, namesFollow(engine, 1, []), {
      stdout: () => {},
      stderr: () => {},
      interrupted: new Promise(() => {}),
      drive: (e, owned) => {
        ownedSeen = owned
        e.create(MYNGINX)
        return () => {}
      },
    })
    expect(code).toBe(0)
    expect(ownedSeen).toBe(true)
    expect(engine.clockOwner()).toEqual(owner)
  })

  it('hands what the user types to an interactive follow (exec -it), and Ctrl+D as eof', async () => {
    const engine = open()
    const out: string[] = []
    let write!: (stream: 'stdout' | 'stderr', text: string) => void
    let end!: (code: number) => void
    const follow: Follow = {
      start(w, e) {
        write = w
        end = e
        return () => {}
      },
      input(text) {
        if (text === 'eof') end(0)
        else write('stdout', `got ${text}`)
      },
    }
    let stopped = false
    const code = await followKubectl(engine, follow, {
      stdout: (t) => out.push(t),
      stderr: () => {},
      interrupted: new Promise(() => {}),
      drive: () => () => {},
      stdin: (deliver) => {
        deliver('echo hi\n')
        deliver('eof')
        return () => (stopped = true)
      },
    })
    expect(code).toBe(0)
    expect(out).toEqual(['got echo hi\n'])
    expect(stopped).toBe(true)
  })

  it('a follow that waits on the user (kubectl edit) runs no clock, claims none and leaves Ctrl+C to the editor', async () => {
    const engine = open()
    let end!: (code: number) => void
    let ownerWhileEditing: unknown = 'not looked'
    const follow: Follow = {
      waitsOnUser: true,
      start(_w, e) {
        end = e
        return () => {}
      },
    }
    let drove = false
    let interrupt!: () => void
    const running = followKubectl(engine, follow, {
      stdout: () => {},
      stderr: () => {},
      interrupted: new Promise<void>((r) => (interrupt = r)),
      drive: () => {
        drove = true
        return () => {}
      },
    })
    interrupt()
    await new Promise((r) => setTimeout(r, 10))
    ownerWhileEditing = engine.clockOwner()
    end(0)
    expect(await running).toBe(0)
    expect(drove).toBe(false)
    expect(ownerWhileEditing).toBeUndefined()
  })
})
