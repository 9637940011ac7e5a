import { describe, expect, it } from 'vitest'
import { startupLines } from './banner'

describe('serve start-up lines', () => {
  it('on loopback prints the address only', () => {
    expect(startupLines('127.0.0.1', { openUrl: 'http://127.0.0.1:8080/', tokenRequired: false })).toEqual({
      stdout: 'Podlab is serving at http://127.0.0.1:8080/\n',
      stderr: '',
    })
  })

  it('off loopback prints the address with its token and warns on stderr in one line (issue 5)', () => {
    const lines = startupLines('0.0.0.0', { openUrl: 'http://192.168.1.20:8080/?token=abc', tokenRequired: true })
    expect(lines.stdout).toBe('Podlab is serving at http://192.168.1.20:8080/?token=abc\n')
    expect(lines.stderr).toMatch(/^podlab: serving on 0\.0\.0\.0, reachable from other machines; a token is required \(.*\)\n$/)
  })
})
