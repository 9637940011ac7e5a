import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { imageConfig } from '../catalog'
import { parseImage } from '../image-name'

const md5 = (text: string | undefined) => createHash('md5').update(text ?? '').digest('hex')

describe('registry.k8s.io/nginx-slim has the files of nginx built from source (build.sh), not of the Debian package', () => {
  it.each(['registry.k8s.io/nginx-slim:0.24', 'registry.k8s.io/nginx-slim:0.8', 'k8s.gcr.io/nginx-slim:0.7'])('%s', (ref) => {
    const files = imageConfig(parseImage(ref))?.files ?? {}
    // nginx's conf/nginx.conf at release-1.11.12, byte for byte (`git show release-1.11.12:conf/nginx.conf | md5sum`).
    expect(md5(files['/etc/nginx/nginx.conf'])).toBe('3a0b1f2d0a5734fe3200a48703bafed2')
    expect(files['/etc/nginx/nginx.conf.default']).toBe(files['/etc/nginx/nginx.conf'])
    // The one server is in nginx.conf: port 80, the document root the StatefulSet tutorial mounts its volume on.
    expect(files['/etc/nginx/nginx.conf']).toMatch(/^ {8}listen {7}80;$/m)
    expect(files['/etc/nginx/nginx.conf']).toContain('#location ~ \\.php$ {')
    expect(Object.keys(files).filter((f) => f.startsWith('/etc/nginx/conf.d/'))).toEqual([])
    // The pages before nginx 1.21's dark-mode style, and 50x.html still linking the error_log docs (until 1.15).
    expect(files['/usr/share/nginx/html/index.html']).toContain('<h1>Welcome to nginx!</h1>')
    expect(files['/usr/share/nginx/html/index.html']).not.toContain('color-scheme')
    expect(files['/usr/share/nginx/html/50x.html']).toContain('<a href="http://nginx.org/r/error_log">error log</a>')
  })
})
