import { describe, expect, it } from 'vitest'
import { executableFor } from '../index'
import { imageConfig, parseImage } from '../../images'
import { FakeSys, run } from '../testing/fake-sys'
import { apachectl, httpd } from './httpd'
import { mysqladmin, pgIsReady, redisCli } from './db-health'

/** A container where something listens on 127.0.0.1:`port` (or nothing, when port is undefined). */
function listening(port?: number): FakeSys {
  const sys = new FakeSys()
  sys.httpHandler = (request) => (request.port === port && request.host === '127.0.0.1' ? { status: 200, headers: {}, body: '' } : { error: 'ECONNREFUSED' })
  return sys
}

describe('the databases health commands (bug: probes running them were "not simulated" and killed healthy pods)', () => {
  it('the catalog maps redis-cli, pg_isready, mysqladmin and apachectl to programs, not the "does not simulate" stand-in', () => {
    const binaries = (image: string) => imageConfig(parseImage(image))?.binaries ?? {}
    const ids = [
      binaries('redis')['/usr/local/bin/redis-cli'],
      binaries('postgres')['/usr/bin/pg_isready'],
      binaries('postgres:16')['/usr/bin/pg_isready'],
      binaries('mysql')['/usr/bin/mysqladmin'],
      binaries('mysql:5.7')['/usr/bin/mysqladmin'],
      binaries('httpd')['/usr/local/apache2/bin/apachectl'],
    ]
    expect(ids.map((id) => executableFor(id ?? 'missing'))).toEqual([redisCli, pgIsReady, pgIsReady, mysqladmin, mysqladmin, apachectl])
  })

  it('redis-cli ping prints PONG when redis listens on 6379, else the connection error and exit 1', () => {
    const up = listening(6379)
    expect(run(redisCli, ['redis-cli', 'ping'], { sys: up }).ended).toEqual({ exit: 0 })
    expect(up.stdout).toBe('PONG\n')
    const down = listening()
    expect(run(redisCli, ['redis-cli', 'ping'], { sys: down }).ended).toEqual({ exit: 1 })
    expect(down.stderr).toBe('Could not connect to Redis at 127.0.0.1:6379: Connection refused\n')
  })

  it('pg_isready says accepting connections (exit 0) or no response (exit 2) for the socket, and host:port with -h', () => {
    const up = listening(5432)
    expect(run(pgIsReady, ['pg_isready', '-U', 'postgres'], { sys: up }).ended).toEqual({ exit: 0 })
    expect(up.stdout).toBe('/var/run/postgresql:5432 - accepting connections\n')
    const down = listening()
    expect(run(pgIsReady, ['pg_isready'], { sys: down }).ended).toEqual({ exit: 2 })
    expect(down.stdout).toBe('/var/run/postgresql:5432 - no response\n')
    const other = listening(5433)
    expect(run(pgIsReady, ['pg_isready', '-h', '127.0.0.1', '-p', '5433'], { sys: other }).ended).toEqual({ exit: 0 })
    expect(other.stdout).toBe('127.0.0.1:5433 - accepting connections\n')
  })

  it('mysqladmin ping says mysqld is alive (exit 0), or the socket connect error (exit 1)', () => {
    const up = listening(3306)
    expect(run(mysqladmin, ['mysqladmin', 'ping', '-uroot', '-psecret'], { sys: up }).ended).toEqual({ exit: 0 })
    expect(up.stdout).toBe('mysqld is alive\n')
    const down = listening()
    expect(run(mysqladmin, ['mysqladmin', 'ping'], { sys: down }).ended).toEqual({ exit: 1 })
    expect(down.stderr).toContain("error: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'")
  })

  it('apachectl -t and httpd -t print Syntax OK on stderr and exit 0 without starting a server', () => {
    const a = new FakeSys()
    expect(run(apachectl, ['apachectl', '-t'], { sys: a }).ended).toEqual({ exit: 0 })
    expect(a.stderr).toBe('Syntax OK\n')
    const h = new FakeSys()
    expect(run(httpd, ['httpd', '-t'], { sys: h }).ended).toEqual({ exit: 0 })
    expect([h.stderr, h.listening]).toEqual(['Syntax OK\n', []])
  })
})
