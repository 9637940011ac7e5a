import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { imageConfig, parseImage } from '../../images'
import { FakeSys, run, T0 } from '../testing/fake-sys'
import { nginx } from './nginx'
import { NGINX_CONF, NGINX_DEFAULT_CONF } from '../../images/files/nginx-config'
import { NGINX_DEFAULT_CONF_MD5 } from './nginx-config'
import { nginxEntrypoint } from './nginx-entrypoint'

const INDEX = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n</html>\n'
const IMAGE = 'docker.io/library/nginx:1.27.4'

function nginxImage(): FakeSys {
  const sys = new FakeSys()
  sys.fs.mkdir('/etc/nginx/conf.d', { parents: true })
  sys.fs.writeFile('/etc/nginx/nginx.conf', NGINX_CONF)
  sys.fs.writeFile('/etc/nginx/conf.d/default.conf', NGINX_DEFAULT_CONF)
  sys.fs.writeFile('/etc/os-release', 'ID=debian\nVERSION_CODENAME=bookworm\n')
  sys.fs.writeFile('/usr/share/nginx/html/index.html', INDEX)
  return sys
}

describe('the nginx image', () => {
  it('/docker-entrypoint.sh prints its configuration lines (docs-images §2b), enables IPv6 in default.conf and execs nginx', () => {
    const sys = nginxImage()
    const p = run(nginxEntrypoint, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'], { sys, image: IMAGE })
    expect(sys.stdout).toBe(
      [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        '',
      ].join('\n'),
    )
    expect(p.ended).toEqual({ exec: { argv: ['nginx', '-g', 'daemon off;'], env: expect.any(Object), cwd: '/' } })
    expect(sys.fs.readFile('/etc/nginx/conf.d/default.conf')).toContain('listen  [::]:80;')
  })

  it('a changed default.conf (a ConfigMap) is left alone and said so; NGINX_ENTRYPOINT_QUIET_LOGS silences all', () => {
    const sys = nginxImage()
    sys.fs.writeFile('/etc/nginx/conf.d/default.conf', 'server { listen 8080; }\n')
    run(nginxEntrypoint, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'], { sys })
    expect(sys.stdout).toContain('10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf differs from the packaged version\n')
    const quiet = nginxImage()
    run(nginxEntrypoint, ['/docker-entrypoint.sh', 'nginx'], { sys: quiet, env: { NGINX_ENTRYPOINT_QUIET_LOGS: '1' } })
    expect(quiet.stdout).toBe('')
  })

  it('another command is exec\'d without a line', () => {
    const p = run(nginxEntrypoint, ['/docker-entrypoint.sh', 'bash'], { sys: nginxImage() })
    expect([p.sys.stdout, p.ended]).toEqual(['', { exec: { argv: ['bash'], env: expect.any(Object), cwd: '/' } }])
  })

  it('nginx prints its notices on stderr, listens on 80 and keeps running', () => {
    const p = run(nginx, ['nginx', '-g', 'daemon off;'], { sys: nginxImage(), image: IMAGE })
    expect(p.sys.stderr.split('\n').slice(0, 3)).toEqual(['2026/12/01 02:44:48 [notice] 1#1: using the "epoll" event method', '2026/12/01 02:44:48 [notice] 1#1: nginx/1.27.4', '2026/12/01 02:44:48 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) '])
    expect(p.sys.stderr).toContain('[notice] 1#1: start worker process 29\n')
    expect(p.sys.listening).toEqual([80])
    expect(p.running).toBe(true)
    expect(p.sys.rss).toBeGreaterThan(0)
  })

  it('listens where its conf.d files say (a ConfigMap with listen 8080)', () => {
    const sys = nginxImage()
    sys.fs.writeFile('/etc/nginx/conf.d/default.conf', 'server {\n    listen 8080;\n}\n')
    expect(run(nginx, ['nginx', '-g', 'daemon off;'], { sys }).sys.listening).toEqual([8080])
  })

  it('serves / from index.html with an access-log line in the image\'s main format', () => {
    const p = run(nginx, ['nginx', '-g', 'daemon off;'], { sys: nginxImage(), image: IMAGE })
    p.sys.clock = T0 + 5000
    const r = p.program.serveHttp!(p.state!, { method: 'GET', host: '10.244.0.5', port: 80, path: '/', headers: { Host: '10.244.0.5:80', 'User-Agent': 'kube-probe/1.32', Accept: '*/*' }, remoteAddr: '172.18.0.2' }, p.sys)
    expect([r.response.status, r.response.body, r.response.headers.Server]).toEqual([200, INDEX, 'nginx/1.27.4'])
    expect(p.sys.stdout).toBe(`172.18.0.2 - - [01/Dec/2026:02:44:53 +0000] "GET / HTTP/1.1" 200 ${INDEX.length} "-" "kube-probe/1.32" "-"\n`)
  })

  it("a missing path gets nginx's 404 page, an [error] open() line and a 404 access line", () => {
    const p = run(nginx, ['nginx', '-g', 'daemon off;'], { sys: nginxImage(), image: IMAGE })
    p.sys.stderr = ''
    const r = p.http('/healthz', { Host: '10.244.0.5:80', 'User-Agent': 'kube-probe/1.32' })
    expect(r.status).toBe(404)
    expect(r.body).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.4</center>\r\n</body>\r\n</html>\r\n')
    expect(p.sys.stderr).toBe('2026/12/01 02:44:48 [error] 29#29: *1 open() "/usr/share/nginx/html/healthz" failed (2: No such file or directory), client: 127.0.0.1, server: localhost, request: "GET /healthz HTTP/1.1", host: "10.244.0.5:80"\n')
    expect(p.sys.stdout).toBe(`127.0.0.1 - - [01/Dec/2026:02:44:48 +0000] "GET /healthz HTTP/1.1" 404 ${r.body.length} "-" "kube-probe/1.32" "-"\n`)
  })

  it('SIGQUIT (the image STOPSIGNAL) is a graceful shutdown, exit 0', () => {
    const p = run(nginx, ['nginx', '-g', 'daemon off;'], { sys: nginxImage() })
    p.sys.stderr = ''
    p.signal('SIGQUIT')
    // The workers finish their connections first: the master is still there at the signal's instant.
    expect(p.running).toBe(true)
    p.advance(180)
    expect(p.ended).toEqual({ exit: 0 })
    expect(p.sys.stderr.split('\n')[0]).toBe('2026/12/01 02:44:48 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down')
    expect(p.sys.stderr).toContain('[notice] 29#29: gracefully shutting down\n')
    expect(p.sys.stderr.trimEnd().split('\n').pop()).toBe('2026/12/01 02:44:48 [notice] 1#1: exit')
  })

  it('SIGTERM (kill 1 from a shell) and SIGINT are a fast shutdown, exit 0; SIGHUP reconfigures and keeps running', () => {
    for (const sig of ['SIGTERM', 'SIGINT'] as const) {
      const p = run(nginx, ['nginx', '-g', 'daemon off;'], { sys: nginxImage() })
      p.signal(sig)
      expect(p.running).toBe(true)
      p.advance(40)
      expect(p.ended).toEqual({ exit: 0 })
      expect(p.sys.stderr).toContain(`(${sig}) received, exiting\n`)
    }
    const p = run(nginx, ['nginx', '-g', 'daemon off;'], { sys: nginxImage() })
    p.signal('SIGHUP')
    expect(p.running).toBe(true)
  })

  it('nginx -T tests the configuration and prints it', () => {
    const p = run(nginx, ['nginx', '-T'], { sys: nginxImage() })
    expect(p.ended).toEqual({ exit: 0 })
    expect(p.sys.stderr).toBe('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n')
    expect(p.sys.stdout.startsWith('# configuration file /etc/nginx/nginx.conf:\n\nuser  nginx;')).toBe(true)
    expect(p.sys.stdout).toContain('# configuration file /etc/nginx/conf.d/default.conf:\nserver {')
  })

  it('nginx -t in the catalog nginx image\'s own files says the syntax is ok (bug: the image lacked /etc/nginx/nginx.conf)', () => {
    const files = imageConfig(parseImage('nginx'))?.files ?? {}
    const sys = new FakeSys()
    for (const [path, text] of Object.entries(files)) {
      sys.fs.mkdir(path.slice(0, path.lastIndexOf('/')), { parents: true })
      sys.fs.writeFile(path, text)
    }
    const p = run(nginx, ['nginx', '-t'], { sys })
    expect(p.ended).toEqual({ exit: 0 })
    expect(sys.stderr).toBe('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n')
  })

  it('nginx -t without /etc/nginx/nginx.conf fails as real nginx does (the program has no built-in copy)', () => {
    const p = run(nginx, ['nginx', '-t'], { sys: new FakeSys() })
    expect(p.ended).toEqual({ exit: 1 })
    expect(p.sys.stderr).toBe('nginx: [emerg] open() "/etc/nginx/nginx.conf" failed (2: No such file or directory)\nnginx: configuration file /etc/nginx/nginx.conf test failed\n')
  })

  it('nginx -s quit sends QUIT to the pid in /run/nginx.pid (nginx.conf\'s pid), as the docs\' preStop example does', () => {
    const sys = nginxImage()
    sys.pid = 35
    sys.fs.mkdir('/run', { parents: true })
    sys.fs.writeFile('/run/nginx.pid', '1\n')
    expect(run(nginx, ['nginx', '-s', 'quit'], { sys }).ended).toEqual({ exit: 0 })
    expect(sys.kills).toEqual([{ pid: 1, sig: 'SIGQUIT' }])
    expect(sys.stderr).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] 35#35: signal process started\n$/)
  })

  it('nginx -s without a running master: open() of the pid file fails, exit 1; a bad name is an invalid option', () => {
    const sys = nginxImage()
    expect(run(nginx, ['nginx', '-s', 'reload'], { sys }).ended).toEqual({ exit: 1 })
    expect(sys.stderr).toContain('[error] 1#1: open() "/run/nginx.pid" failed (2: No such file or directory)\n')
    const bad = run(nginx, ['nginx', '-s', 'restart'], { sys: nginxImage() })
    expect([bad.ended, bad.sys.stderr]).toEqual([{ exit: 1 }, 'nginx: invalid option: "-s restart"\n'])
  })

  it('the entrypoint\'s packaged checksum is the md5 of the image\'s default.conf', () => {
    expect(createHash('md5').update(NGINX_DEFAULT_CONF).digest('hex')).toBe(NGINX_DEFAULT_CONF_MD5)
  })
})
