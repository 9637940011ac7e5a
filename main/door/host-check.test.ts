import { describe, expect, it } from 'vitest'
import { allowedHostNames, hostAllowed, isLoopback, originFormTarget } from './host-check'

const interfaces = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
  eth0: [
    { address: '192.168.1.20', family: 'IPv4', internal: false },
    { address: 'fe80::1%eth0', family: 'IPv6', internal: false },
    { address: '2001:db8::20', family: 'IPv6', internal: false },
  ],
} as never

describe('Host check (DNS rebinding)', () => {
  it('on loopback answers to the loopback names only', () => {
    const allowed = allowedHostNames('127.0.0.1', interfaces, 'classroom-pc')
    expect(hostAllowed('localhost:8080', allowed)).toBe(true)
    expect(hostAllowed('[::1]:8080', allowed)).toBe(true)
    expect(hostAllowed('LOCALHOST', allowed)).toBe(true)
    expect(hostAllowed(undefined, allowed)).toBe(false)
    expect(hostAllowed('evil.example:8080', allowed)).toBe(false)
  })

  it('reads the whole Host header, not up to its first colon (found by a fresh attacker)', () => {
    const allowed = allowedHostNames('127.0.0.1', interfaces, 'classroom-pc')
    for (const header of ['127.0.0.1:18080@evil.com', '127.0.0.1:18080, evil.com', '127.0.0.1 evil.com', '127.0.0.1:', '127.0.0.1:80:80', '[::1]x', ''])
      expect(hostAllowed(header, allowed), header).toBe(false)
    expect(hostAllowed('127.0.0.1:18080', allowed)).toBe(true)
    expect(hostAllowed('[::1]', allowed)).toBe(true)
  })

  it('answers origin-form request targets only: an absolute-form target names a host the Host check would not see', () => {
    expect(originFormTarget('/podlab?x=1')?.pathname).toBe('/podlab')
    expect(originFormTarget('http://evil.com/podlab')).toBeUndefined()
    expect(originFormTarget('//evil.com/podlab')).toBeUndefined()
    expect(originFormTarget('*')).toBeUndefined()
    expect(originFormTarget('http://[')).toBeUndefined()
    expect(originFormTarget(undefined)).toBeUndefined()
  })

  it('keeps the check on 0.0.0.0 (issue 5: it was off): the interface addresses, the host name and loopback', () => {
    const allowed = allowedHostNames('0.0.0.0', interfaces, 'Classroom-PC')
    for (const host of ['192.168.1.20:8080', '[2001:db8::20]:8080', 'classroom-pc:8080', 'localhost:8080', '127.0.0.1']) {
      expect(hostAllowed(host, allowed), host).toBe(true)
    }
    expect(hostAllowed('evil.example:8080', allowed)).toBe(false)
    expect(hostAllowed(undefined, allowed)).toBe(false)
  })

  it('on one address answers to that address only', () => {
    const allowed = allowedHostNames('192.168.1.20', interfaces, 'classroom-pc')
    expect(hostAllowed('192.168.1.20:8080', allowed)).toBe(true)
    expect(hostAllowed('localhost:8080', allowed)).toBe(false)
    expect(hostAllowed('[2001:db8::20]:1', allowedHostNames('2001:db8::20', interfaces))).toBe(true)
  })

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].every(isLoopback)).toBe(true)
    expect(['0.0.0.0', '::', '192.168.1.20', 'localhost.evil'].some(isLoopback)).toBe(false)
  })
})
