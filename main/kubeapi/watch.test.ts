import { get, type IncomingMessage } from 'node:http'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startKubeApi } from './server'
import { apiCluster, podManifest, TABLE_ACCEPT, type ApiCluster } from './testing/api-cluster'

let c: ApiCluster
beforeAll(async () => {
  c = await apiCluster({ watch: { historyRevisions: 50, bookmarkMs: 50 } })
})
afterAll(async () => {
  await c.close()
})

interface Stream {
  res: IncomingMessage
  events: Array<{ type: string; object: any }>
  /** Resolves once `n` events have arrived. */
  until(n: number): Promise<void>
  close(): void
}

/** Opens a watch; resolves when the response headers arrive (before any event). */
function watch(path: string, headers: Record<string, string> = {}, base = c.api.url): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = get(`${base}${path}`, { headers }, (res) => {
      const events: Stream['events'] = []
      const waiters: Array<() => void> = []
      let buffer = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        let nl: number
        while ((nl = buffer.indexOf('\n')) >= 0) {
          events.push(JSON.parse(buffer.slice(0, nl)))
          buffer = buffer.slice(nl + 1)
        }
        for (const w of waiters.splice(0)) w()
      })
      res.on('error', () => {})
      const until = async (n: number) => {
        while (events.length < n) await new Promise<void>((r) => waiters.push(r))
      }
      resolve({ res, events, until, close: () => req.destroy() })
    })
    req.on('error', reject)
  })
}

describe('watch', () => {
  it('sends its headers at once, then the current objects as ADDED, then changes as the clock runs', async () => {
    await c.call('POST', '/api/v1/namespaces/default/pods', { body: podManifest('w1') })
    const stream = await watch('/api/v1/namespaces/default/pods?watch=true')
    expect(stream.res.statusCode).toBe(200)
    expect(stream.res.headers['content-type']).toBe('application/json')
    await stream.until(1)
    expect(stream.events[0]).toMatchObject({ type: 'ADDED', object: { kind: 'Pod', metadata: { name: 'w1' } } })
    c.engine.advance(10_000)
    await stream.until(2)
    expect(stream.events.slice(1).every((e) => e.type === 'MODIFIED' && e.object.metadata.name === 'w1')).toBe(true)
    stream.close()
  })

  it('starts after a resourceVersion without replaying what came before it', async () => {
    const list = (await c.call('GET', '/api/v1/namespaces/default/pods')).json()
    const stream = await watch(`/api/v1/namespaces/default/pods?watch=1&resourceVersion=${list.metadata.resourceVersion}`)
    await c.call('POST', '/api/v1/namespaces/default/pods', { body: podManifest('w2') })
    await stream.until(1)
    expect(stream.events[0]).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'w2' } } })
    stream.close()
  })

  it('ends a watch from a revision older than the history kept with an ERROR event: 410 Expired', async () => {
    const latest = Number((await c.call('GET', '/api/v1/namespaces/default/pods')).json().metadata.resourceVersion)
    const stream = await watch('/api/v1/namespaces/default/pods?watch=1&resourceVersion=1')
    await stream.until(1)
    expect(stream.events).toEqual([
      {
        type: 'ERROR',
        object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: 1 (${latest - 50})`, reason: 'Expired', code: 410 },
      },
    ])
    await new Promise<void>((done) => (stream.res.complete ? done() : stream.res.on('end', done)))
  })

  it('follows one object by field selector, and hears its DELETED', async () => {
    const list = (await c.call('GET', '/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dw2')).json()
    const stream = await watch(`/api/v1/namespaces/default/pods?watch=true&allowWatchBookmarks=true&fieldSelector=metadata.name%3Dw2&resourceVersion=${list.metadata.resourceVersion}&timeoutSeconds=30`)
    await c.call('POST', '/api/v1/namespaces/default/pods', { body: podManifest('w3') })
    await c.call('DELETE', '/api/v1/namespaces/default/pods/w2', { body: '{"gracePeriodSeconds":0}' })
    const deleted = async () => {
      while (!stream.events.some((e) => e.type === 'DELETED')) await stream.until(stream.events.length + 1)
    }
    await deleted()
    const named = stream.events.filter((e) => e.type !== 'BOOKMARK').map((e) => e.object.metadata.name)
    expect(new Set(named)).toEqual(new Set(['w2']))
    stream.close()
  })

  it('sends BOOKMARK events carrying the current resourceVersion when the client allows them', async () => {
    const stream = await watch('/api/v1/namespaces/kube-system/pods?watch=true&allowWatchBookmarks=true&resourceVersion=' + c.engine.info().resourceVersion)
    await stream.until(1)
    expect(stream.events[0]).toMatchObject({ type: 'BOOKMARK', object: { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: c.engine.info().resourceVersion } } })
    stream.close()
  })

  it('sends Table events, one row each, under a Table Accept', async () => {
    const stream = await watch('/api/v1/namespaces/default/pods?watch=true', { Accept: TABLE_ACCEPT })
    await stream.until(1)
    expect(stream.events[0]).toMatchObject({ type: 'ADDED', object: { kind: 'Table', apiVersion: 'meta.k8s.io/v1' } })
    expect(stream.events[0]?.object.rows).toHaveLength(1)
    stream.close()
  })

  it('watches events.k8s.io Events, which are core Events read in that group', async () => {
    const stream = await watch('/apis/events.k8s.io/v1/namespaces/default/events?watch=true&resourceVersion=' + c.engine.info().resourceVersion)
    await c.call('POST', '/api/v1/namespaces/default/pods', { body: podManifest('evented') })
    c.engine.advance(5_000)
    await stream.until(1)
    expect(stream.events[0]).toMatchObject({ type: 'ADDED', object: { apiVersion: 'events.k8s.io/v1', kind: 'Event', regarding: { name: 'evented' } } })
    stream.close()
  })

  it('ends at timeoutSeconds', async () => {
    const stream = await watch('/api/v1/nodes?watch=true&resourceVersion=' + c.engine.info().resourceVersion + '&timeoutSeconds=0')
    await new Promise<void>((done) => (stream.res.complete ? done() : stream.res.on('end', done)))
    expect(stream.events).toEqual([])
  })

  it('keeps serving when a client drops its watch mid-stream', async () => {
    const stream = await watch('/api/v1/namespaces/default/pods?watch=true')
    await stream.until(1)
    stream.res.socket?.destroy()
    c.engine.advance(5_000)
    await c.call('POST', '/api/v1/namespaces/default/pods', { body: podManifest('after-drop') })
    expect((await c.call('GET', '/api/v1/namespaces/default/pods/after-drop')).status).toBe(200)
  })

  it('ends a watch whose event cannot be encoded, and a watch again from the same revision hears the event', async () => {
    let failNext = false
    // The same engine, whose Table builder fails once when asked to.
    const engine = new Proxy(c.engine, {
      get(target, prop) {
        if (prop === 'tableOf') {
          return (...args: Parameters<typeof target.tableOf>) => {
            if (failNext) {
              failNext = false
              throw new Error('the Table row failed')
            }
            return target.tableOf(...args)
          }
        }
        const value = Reflect.get(target, prop) as unknown
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const api = await startKubeApi({ engine })
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const from = c.engine.info().resourceVersion
      const path = `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${from}`
      const first = await watch(path, { Accept: TABLE_ACCEPT }, api.url)
      failNext = true
      await c.call('POST', '/api/v1/namespaces/default/pods', { body: podManifest('unencodable') })
      await new Promise<void>((done) => (first.res.complete ? done() : first.res.on('end', done)))
      expect(first.events).toEqual([])
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^podlab: a watch of pods ended: the change at resourceVersion \d+ could not be encoded: the Table row failed$/))
      const again = await watch(path, { Accept: TABLE_ACCEPT }, api.url)
      await again.until(1)
      expect(again.events[0]).toMatchObject({ type: 'ADDED', object: { kind: 'Table', rows: [{ cells: expect.arrayContaining(['unencodable']) }] } })
      again.close()
    } finally {
      errors.mockRestore()
      await api.close()
    }
  })

  it('refuses a resourceVersion that is no revision with 400 before the stream starts', async () => {
    const reply = await c.call('GET', '/api/v1/namespaces/default/pods?watch=true&resourceVersion=abc')
    expect([reply.status, reply.json().message]).toEqual([400, 'resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax'])
  })

  it('refuses a bad selector with 400 before the stream starts', async () => {
    const reply = await c.call('GET', '/api/v1/namespaces/default/pods?watch=true&labelSelector=a%20b')
    expect(reply.status).toBe(400)
    expect(reply.json().reason).toBe('BadRequest')
  })
})
