import { describe, expect, it } from 'vitest'
import { PROGRAM_IDS, programFor } from './index'

describe('the program table', () => {
  it('knows every program the images name (busybox applets, GNU tools, procps, daemons, entrypoints)', () => {
    for (const id of ['busybox:sleep', 'busybox:nslookup', 'busybox:wget', 'busybox:[', 'coreutils:cat', 'coreutils:ls', 'procps:ps', 'procps:kill', 'nginx', 'entrypoint:nginx', 'httpd-foreground', 'redis-server', 'entrypoint:postgres', 'postgres', 'mysqld', 'mongod', 'pause', 'agnhost', 'hello-world', 'http-echo', 'hello-app', 'node', 'python', 'curl', 'stress:polinux', 'stress:vish']) {
      expect(programFor(id), id).toBeDefined()
    }
  })

  it('has no kill or ps among the GNU tools (Debian slim images lack procps) and answers undefined for an unknown id', () => {
    expect(programFor('coreutils:kill')).toBeUndefined()
    expect(programFor('coreutils:ps')).toBeUndefined()
    expect(programFor('nope')).toBeUndefined()
    expect(PROGRAM_IDS).toEqual([...PROGRAM_IDS].sort())
  })
})
