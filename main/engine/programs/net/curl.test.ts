import { describe, expect, it } from 'vitest'
import type { HttpRequest, HttpResponse, NetError } from '../../process/program'
import { FakeSys, run } from '../testing/fake-sys'
import { curl } from './curl'

function pod(): FakeSys {
  const sys = new FakeSys()
  sys.httpHandler = (req: HttpRequest): HttpResponse | NetError => {
    if (req.port !== 80) return { error: 'ECONNREFUSED' }
    if (req.path === '/') return { status: 200, headers: { 'Content-Type': 'text/html' }, body: 'hello\n' }
    if (req.path === '/old') return { status: 301, headers: { Location: '/' }, body: 'moved' }
    return { status: 404, headers: {}, body: 'not found\n' }
  }
  return sys
}

const curlImage = 'docker.io/curlimages/curl:8.18.0'

describe('curl', () => {
  it('prints the body on stdout', () => {
    const p = run(curl, ['curl', 'http://localhost/'], { sys: pod(), image: curlImage })
    expect([p.sys.stdout, p.ended]).toEqual(['hello\n', { exit: 0 }])
  })

  it('nothing listening: `curl: (7) Failed to connect to localhost port 8080 after 0 ms: ...`, exit 7, in the version\'s words', () => {
    const p = run(curl, ['curl', 'http://localhost:8080/'], { sys: pod(), image: curlImage })
    expect([p.sys.stderr, p.ended]).toEqual(['curl: (7) Failed to connect to localhost port 8080 after 0 ms: Could not connect to server\n', { exit: 7 }])
    const sys = pod()
    sys.fs.writeFile('/etc/os-release', 'ID=debian\nVERSION_CODENAME=bookworm\n')
    expect(run(curl, ['curl', 'localhost:8080'], { sys, image: 'docker.io/library/nginx:1.27' }).sys.stderr).toBe("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n")
  })

  it('-s hides the error, -sS shows it; an unknown host is (6)', () => {
    expect(run(curl, ['curl', '-s', 'http://localhost:81/'], { sys: pod() }).sys.stderr).toBe('')
    expect(run(curl, ['curl', '-sS', 'http://myservice/'], { sys: pod() }).sys.stderr).toBe('curl: (6) Could not resolve host: myservice\n')
  })

  it('-f turns an HTTP error into `curl: (22) The requested URL returned error: 404`, exit 22; without -f the body prints, exit 0', () => {
    const p = run(curl, ['curl', '-f', 'http://localhost/x'], { sys: pod() })
    expect([p.sys.stdout, p.sys.stderr, p.ended]).toEqual(['', 'curl: (22) The requested URL returned error: 404\n', { exit: 22 }])
    expect(run(curl, ['curl', 'http://localhost/x'], { sys: pod() }).ended).toEqual({ exit: 0 })
  })

  it('-o writes a file, -w prints the status, -I the headers, -L follows a redirect', () => {
    const sys = pod()
    run(curl, ['curl', '-s', '-o', '/tmp/out', '-w', '%{http_code}\\n', 'http://localhost/'], { sys })
    expect([sys.fs.readFile('/tmp/out'), sys.stdout]).toEqual(['hello\n', '200\n'])
    expect(run(curl, ['curl', '-I', 'http://localhost/'], { sys: pod() }).sys.stdout).toBe('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n')
    expect(run(curl, ['curl', '-sL', 'http://localhost/old'], { sys: pod() }).sys.stdout).toBe('hello\n')
  })

  it('no URL: exit 2 with curl\'s hint', () => {
    const p = run(curl, ['curl'], { sys: pod() })
    expect([p.sys.stderr, p.ended]).toEqual(["curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n", { exit: 2 }])
  })
})
