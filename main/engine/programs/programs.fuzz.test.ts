// Every program of the table, started with arbitrary arguments, input and signals, ends its steps without
// throwing (an exception would stop the container's kernel) and keeps a state that survives JSON unchanged.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzRuns } from '../testing/fuzz'
import { PROGRAM_IDS, programFor } from './index'
import { FakeSys, run } from './testing/fake-sys'

const TOKENS = ['-n', '-l', '-a', '-1', '-f', '-F', '-e', '-c', '-i', '-v', '-9', '-s', '-S', '-q', '-O', '-o', '-T', '-t', '-r', '-p', '-m', '-w', '-u', '--', '-', '/tmp', '/tmp/f', '/nope', '/', '.', 'x', '1', '0', '-1', '99999999999999999999', '1.5m', 'inf', '%d', '%s', '%5.2f', '%b', '\\n', '\\c', '[', ']', '(', ')', '=', '!=', '-eq', '-lt', '!', '-o', '-a', 'http://localhost/', 'localhost:8080', 'http://[::1]/', '-qO-', '+3', 'abc', 'a*b', '\\(', '\\{1', 'TERM', '-KILL', 'pause', 'liveness', 'netexec', 'serve-hostname', 'nginx', 'postgres', 'mysqld', 'mongod', '--vm', '--vm-bytes', '150M', '-mem-total', '10Mi', '--port']

const argv = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength: 6 })

function same(value: unknown): void {
  if (value === undefined) return
  expect(JSON.parse(JSON.stringify(value))).toEqual(value)
}

describe('every program, any arguments', () => {
  it('starts, runs, takes input, a request and a signal without throwing, its state JSON throughout', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROGRAM_IDS), argv, fc.constantFrom('SIGTERM', 'SIGQUIT', 'SIGINT', 'SIGHUP') as fc.Arbitrary<'SIGTERM'>, fc.string({ maxLength: 20 }), (id, args, sig, path) => {
        const sys = new FakeSys()
        sys.fs.writeFile('/tmp/f', 'one\ntwo\n')
        sys.stdinClosed = false
        sys.httpHandler = (req) => (req.port === 80 ? { status: req.path === '/' ? 200 : 404, headers: {}, body: 'x' } : { error: 'ECONNREFUSED' })
        const p = run(programFor(id)!, [id.split(':').pop()!, ...args], { sys, stdin: ['a line\n'] })
        same(p.state)
        sys.stdinClosed = true
        p.resume()
        p.advance(61_000)
        if (p.running && p.program.serveHttp) p.http(`/${path}`)
        p.signal(sig)
        same(p.state)
        if (p.ended) expect(Object.keys(p.ended)).toHaveLength(1)
      }),
      { numRuns: fuzzRuns(400) },
    )
  })
})
