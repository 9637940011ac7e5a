// wget and nslookup against the pod's network and DNS as the fake sets them: busybox's texts.
import { describe, expect, it } from 'vitest'
import { FakeSys, run } from '../testing/fake-sys'
import { nslookup } from './nslookup'
import { wget } from './wget'

const INDEX = '<!DOCTYPE html>\n<title>Welcome to nginx!</title>\n'

function pod(): FakeSys {
  const sys = new FakeSys()
  sys.httpHandler = (req) => {
    if (req.port !== 80) return { error: 'ECONNREFUSED' }
    return req.path === '/' ? { status: 200, headers: {}, body: INDEX } : { status: 404, headers: {}, body: 'not found' }
  }
  sys.names = { mypod: ['10.244.0.5'] }
  sys.fs.writeFile('/etc/resolv.conf', 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n')
  return sys
}

describe('busybox wget', () => {
  it('saves index.html and says so on stderr as busybox does when stderr is not a terminal', () => {
    const p = run(wget, ['wget', 'http://localhost'], { sys: pod(), cwd: '/tmp' })
    expect(p.ended).toEqual({ exit: 0 })
    expect(p.sys.stderr).toBe(
      [
        'Connecting to localhost (127.0.0.1:80)',
        "saving to 'index.html'",
        `index.html           100% |********************************|    ${INDEX.length}  0:00:00 ETA`,
        "'index.html' saved",
        '',
      ].join('\n'),
    )
    expect(p.sys.fs.readFile('/tmp/index.html')).toBe(INDEX)
  })

  it('-qO- writes the body to stdout and nothing else', () => {
    const p = run(wget, ['wget', '-qO-', 'localhost:80/'], { sys: pod() })
    expect([p.sys.stdout, p.sys.stderr, p.ended]).toEqual([INDEX, '', { exit: 0 }])
  })

  it("a second wget without -O refuses the existing file: `wget: can't open 'index.html': File exists`", () => {
    const sys = pod()
    run(wget, ['wget', '-q', 'http://localhost'], { sys })
    const p = run(wget, ['wget', '-q', 'http://localhost'], { sys })
    expect([p.sys.stderr, p.ended]).toEqual(["wget: can't open 'index.html': File exists\n", { exit: 1 }])
  })

  it('nothing listening: `wget: can\'t connect to remote host (127.0.0.1): Connection refused`, exit 1', () => {
    const p = run(wget, ['wget', '-q', '-O', '-', 'http://127.0.0.1:8080/healthz'], { sys: pod() })
    expect([p.sys.stderr, p.ended]).toEqual(["wget: can't connect to remote host (127.0.0.1): Connection refused\n", { exit: 1 }])
  })

  it('an error status: `wget: server returned error: HTTP/1.1 404 Not Found`', () => {
    const p = run(wget, ['wget', 'http://mypod/missing'], { sys: pod() })
    expect(p.sys.stderr).toBe('Connecting to mypod (10.244.0.5:80)\nwget: server returned error: HTTP/1.1 404 Not Found\n')
    expect(p.ended).toEqual({ exit: 1 })
  })

  it("an unknown name: `wget: bad address 'myservice:8080'`", () => {
    const p = run(wget, ['wget', '-q', 'http://myservice:8080/'], { sys: pod() })
    expect([p.sys.stderr, p.ended]).toEqual(["wget: bad address 'myservice:8080'\n", { exit: 1 }])
  })
})

describe('busybox nslookup', () => {
  it('a Service name before Services exist: NXDOMAIN for A and AAAA, exit 1 (the docs\' init container keeps waiting)', () => {
    const p = run(nslookup, ['nslookup', 'myservice.default.svc.cluster.local'], { sys: pod() })
    expect(p.sys.stdout).toBe(
      [
        'Server:\t\t10.96.0.10',
        'Address:\t10.96.0.10:53',
        '',
        "** server can't find myservice.default.svc.cluster.local: NXDOMAIN",
        '',
        "** server can't find myservice.default.svc.cluster.local: NXDOMAIN",
        '',
        '',
      ].join('\n'),
    )
    expect(p.ended).toEqual({ exit: 1 })
  })

  it('a name the pod\'s DNS knows: Name and Address, exit 0', () => {
    const sys = pod()
    sys.names['kubernetes.default.svc.cluster.local'] = ['10.96.0.1']
    const p = run(nslookup, ['nslookup', 'kubernetes.default.svc.cluster.local'], { sys })
    expect(p.sys.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n\n')
    expect(p.ended).toEqual({ exit: 0 })
  })

  it('busybox 1.28 names each address as getnameinfo does: the pod itself from /etc/hosts, the server by its PTR (the docs\' DNS debugging page)', () => {
    const sys = pod()
    sys.fs.writeFile('/etc/hosts', '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n10.244.0.5\tmypod\n')
    const p = run(nslookup, ['nslookup', 'mypod'], { sys, image: 'docker.io/library/busybox:1.28' })
    expect(p.sys.stdout).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      mypod\nAddress 1: 10.244.0.5 mypod\n')
    expect(p.ended).toEqual({ exit: 0 })
  })

  it("busybox 1.28 (the docs' init containers) prints libc's layout and `nslookup: can't resolve 'x'` on stderr", () => {
    const p = run(nslookup, ['nslookup', 'myservice.default.svc.cluster.local'], { sys: pod(), image: 'docker.io/library/busybox:1.28' })
    expect(p.sys.stdout).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n')
    expect(p.sys.stderr).toBe("nslookup: can't resolve 'myservice.default.svc.cluster.local'\n")
    expect(p.ended).toEqual({ exit: 1 })
  })
})
