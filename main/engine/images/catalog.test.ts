import { describe, expect, it } from 'vitest'
import { CATALOG, findImage, imageConfig, imageDigest, pullFailure } from './catalog'
import { configOf } from './catalog/define'
import { parseImage } from './image-name'
import { parse } from './reference'

const config = (image: string) => {
  const c = imageConfig(parseImage(image))
  if (!c) throw new Error(`${image} is not in the catalog`)
  return c
}

// containerd normalises references with docker.io/library/ and :latest (the names `kubectl get pod -o yaml`
// shows in containerStatuses[].image on a kind cluster).
describe('image references', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['bitnami/redis', 'docker.io/bitnami/redis:latest'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['index.docker.io/library/busybox:1.36', 'docker.io/library/busybox:1.36'],
  ])('%s -> %s', (given, full) => expect(parseImage(given).full).toBe(full))
})

describe('every image the Kubernetes docs pull is in the registry (docs-images.md §1, §1b, and the issue list)', () => {
  const docs = [
    'nginx', 'nginx:1.14.2', 'nginx:1.16.1', 'nginx:1.29', 'nginx:latest', 'nginx:1.15', 'nginx:1.9.2',
    'busybox:1.28', 'busybox', 'busybox:1.36', 'busybox:1.37', 'busybox:latest', 'docker.io/library/busybox',
    'registry.k8s.io/pause:3.8', 'registry.k8s.io/pause:3.6', 'registry.k8s.io/pause:3.9', 'registry.k8s.io/pause:3.1',
    'registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:2.0', 'registry.k8s.io/pause', 'k8s.gcr.io/pause:2.0',
    'registry.k8s.io/busybox:1.27.2', 'registry.k8s.io/busybox', 'alpine:latest', 'alpine:3', 'alpine',
    'gcr.io/google-samples/hello-app:2.0', 'gcr.io/google-samples/hello-app:1.0', 'us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0',
    'hashicorp/http-echo:0.2.3', 'hashicorp/http-echo:1.0', 'redis', 'redis:5', 'redis:3.0-nanoserver', 'docker.io/redis:6.0.5',
    'debian', 'ubuntu:24.04', 'ubuntu:22.04', 'ubuntu', 'ubuntu:18.04',
    'registry.k8s.io/e2e-test-images/agnhost:2.45', 'registry.k8s.io/e2e-test-images/agnhost:2.40',
    'registry.k8s.io/e2e-test-images/agnhost:2.39', 'registry.k8s.io/e2e-test-images/agnhost:2.53',
    'vish/stress', 'polinux/stress', 'docker.io/library/bash:5', 'docker.io/library/bash', 'python', 'docker.io/library/python:3',
    'mysql:5.7', 'mysql:8.0', 'mysql:5.6', 'gcr.io/google-samples/xtrabackup:1.0', 'registry.k8s.io/nginx-slim:0.24',
    'registry.k8s.io/nginx-slim:0.8', 'registry.k8s.io/nginx-slim:0.7', 'gcr.io/google-samples/node-hello:1.0', 'mongo:4.2',
    'rabbitmq', 'perl', 'httpd:2.4', 'wordpress:6.2.1-apache', 'wordpress:4.8-apache', 'fedora', 'registry.k8s.io/hpa-example',
    'registry.k8s.io/serve_hostname', 'k8s.gcr.io/serve_hostname', 'registry.k8s.io/goproxy:0.1', 'registry.k8s.io/etcd:3.5.1-0',
    'registry.k8s.io/kubernetes-zookeeper:1.0-3.4.10', 'registry.k8s.io/nginx:latest', 'registry.k8s.io/fluentd-gcp:1.30',
    'registry.k8s.io/fluentd-gcp:2.0.2', 'quay.io/fluentd_elasticsearch/fluentd:v5.0.1', 'quay.io/fluentd_elasticsearch/fluentd:v2.5.2',
    'k8s.gcr.io/fluentd-elasticsearch:1.20', 'registry.k8s.io/dra-example-driver/dra-example-driver:v0.1.0',
    'registry.k8s.io/cloud-controller-manager:v1.8.0', 'k8s.gcr.io/cloud-controller-manager:v1.8.0',
    'registry.k8s.io/cpa/cluster-proportional-autoscaler:1.8.4', 'registry.k8s.io/kas-network-proxy/proxy-server:v0.0.32',
    'us.gcr.io/k8s-artifacts-prod/kas-network-proxy/proxy-agent:v0.0.37', 'registry.k8s.io/event-exporter:v0.2.3',
    'registry.k8s.io/node-problem-detector:v0.1', 'gcr.io/google-samples/cassandra:v13',
    'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5', 'docker.io/corelab/gb-frontend:v5', 'paulczar/gb-frontend:v5',
    'us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower:v2', 'gcr.io/google_samples/gb-redisslave:v1',
    'gcr.io/google-samples/hello-go-gke:1.0', 'gcr.io/google-samples/hello-frontend:1.0', 'docker.io/curlimages/curl:8.18.0',
    'curlimages/curl', 'docker.io/alpine/socat:1.8.0.3', 'bprashanth/nginxhttps:1.0', 'quay.io/crio/artifact:v2',
    'gcr.io/google-containers/busybox', 'k8s.gcr.io/echoserver:1.4', 'gcr.io/google-samples/kubernetes-bootcamp:v1',
    'docker.io/jocatalin/kubernetes-bootcamp:v2', 'hello-world', 'node', 'postgres', 'postgres:17', 'nginx:1.27.3-alpine',
    'nginx:stable', 'busybox:1.36', 'redis:7.4-alpine', 'registry.k8s.io/e2e-test-images/busybox:1.29-4',
  ]
  it.each(docs)('%s exists', (image) => expect(findImage(parseImage(image))).toBeDefined())
})

describe('tags and digests (a tag the repository never published does not exist)', () => {
  it.each([
    'nginx:1.999-does-not-exist', 'nginx:2.0', 'nginx:1.27.99', 'busybox:latests', 'busybox:1.99', 'alpine:4', 'ubuntu:23.08',
    'registry.k8s.io/e2e-test-images/agnhost:2.46', 'registry.k8s.io/e2e-test-images/agnhost:latest', 'redis:9',
    'mongo:9', 'mongo:8.4', 'registry.k8s.io/pause:4.0', 'postgres:20',
  ])('%s does not', (image) => expect(findImage(parseImage(image))).toBeUndefined())

  it('accepts a pinned digest only when it is the published one', () => {
    const nginx = findImage(parseImage('nginx'))
    expect(findImage(parseImage(`nginx@${nginx?.digest}`))).toBe(nginx)
    expect(findImage(parseImage(`nginx@sha256:${'0'.repeat(64)}`))).toBeUndefined()
  })

  it('gives each tag its own manifest digest, and the default tag the published one', () => {
    const latest = imageDigest(parseImage('nginx'))
    expect(latest).toBe(findImage(parseImage('nginx'))?.digest)
    expect(imageDigest(parseImage('nginx:1.27'))).not.toBe(latest)
    expect(imageDigest(parseImage('nginx:1.27'))).toBe(imageDigest(parseImage('docker.io/library/nginx:1.27')))
  })

  it('serves a legacy name (k8s.gcr.io, gcr.io/google_containers) with the same manifests as registry.k8s.io', () => {
    expect(imageDigest(parseImage('k8s.gcr.io/pause:3.9'))).toBe(imageDigest(parseImage('registry.k8s.io/pause:3.9')))
    expect(imageDigest(parseImage('k8s.gcr.io/serve_hostname'))).toBe(imageDigest(parseImage('registry.k8s.io/serve_hostname')))
    expect(imageDigest(parseImage('registry.k8s.io/pause:3.9'))).not.toBe(imageDigest(parseImage('registry.k8s.io/pause:3.10')))
  })

  it('holds only well-formed data: sha256 digests, default tags that exist, one entry per repository', () => {
    const repos = new Set<string>()
    for (const image of CATALOG) {
      expect(() => parse(`${image.repository}@${image.digest}`), image.repository).not.toThrow()
      expect(image.tags.test(image.defaultTag), `${image.repository}:${image.defaultTag}`).toBe(true)
      expect(repos.has(image.repository), image.repository).toBe(false)
      repos.add(image.repository)
      expect(image.sizeBytes).toBeGreaterThan(0)
      expect(image.pullMs).toBeGreaterThan(0)
    }
  })
})

describe('the docs must-fail references stay out (docs-images.md §0.1)', () => {
  it('non-existing-repo/non-existing-image:example: Docker Hub denies a repository that does not exist', () => {
    const ref = parseImage('non-existing-repo/non-existing-image:example')
    expect(findImage(ref)).toBeUndefined()
    expect(pullFailure(ref)).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/non-existing-repo/non-existing-image:example": failed to resolve reference "docker.io/non-existing-repo/non-existing-image:example": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    )
  })

  it('gcr.io/google-samples/kubernetes-bootcamp:v10: the repository exists, the tag does not (NotFound)', () => {
    const ref = parseImage('gcr.io/google-samples/kubernetes-bootcamp:v10')
    expect(findImage(ref)).toBeUndefined()
    expect(pullFailure(ref)).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "gcr.io/google-samples/kubernetes-bootcamp:v10": failed to resolve reference "gcr.io/google-samples/kubernetes-bootcamp:v10": gcr.io/google-samples/kubernetes-bootcamp:v10: not found',
    )
  })
})

describe('image configs (entrypoint, cmd, stop signal, user, ports) as the images set them', () => {
  it.each([
    ['nginx', ['/docker-entrypoint.sh'], ['nginx', '-g', 'daemon off;'], 'SIGQUIT', '', [80]],
    ['nginx:1.14.2', [], ['nginx', '-g', 'daemon off;'], 'SIGTERM', '', [80]],
    ['httpd:2.4', [], ['httpd-foreground'], 'SIGWINCH', '', [80]],
    ['postgres', ['docker-entrypoint.sh'], ['postgres'], 'SIGINT', '', [5432]],
    ['redis', ['docker-entrypoint.sh'], ['redis-server'], 'SIGTERM', '', [6379]],
    ['mysql:8.0', ['docker-entrypoint.sh'], ['mysqld'], 'SIGTERM', '', [3306, 33060]],
    ['mongo:4.2', ['docker-entrypoint.sh'], ['mongod'], 'SIGTERM', '', [27017]],
    ['busybox', [], ['sh'], 'SIGTERM', '', []],
    ['alpine', [], ['/bin/sh'], 'SIGTERM', '', []],
    ['debian', [], ['bash'], 'SIGTERM', '', []],
    ['ubuntu', [], ['/bin/bash'], 'SIGTERM', '', []],
    ['registry.k8s.io/pause:3.10', ['/pause'], [], 'SIGTERM', '65535:65535', []],
    ['registry.k8s.io/pause:3.1', ['/pause'], [], 'SIGTERM', '', []],
    ['registry.k8s.io/e2e-test-images/agnhost:2.40', ['/agnhost'], ['pause'], 'SIGTERM', '', [80, 8080, 8081, 9376]],
    ['hashicorp/http-echo:1.0', ['/http-echo'], [], 'SIGTERM', '65532:65532', [5678]],
    ['vish/stress', ['/stress', '-logtostderr'], [], 'SIGTERM', '', []],
    ['curlimages/curl', ['/entrypoint.sh'], ['curl'], 'SIGTERM', 'curl_user', []],
    ['hello-world', [], ['/hello'], 'SIGTERM', '', []],
    ['python', [], ['python3'], 'SIGTERM', '', []],
    ['node', ['docker-entrypoint.sh'], ['node'], 'SIGTERM', '', []],
  ] as const)('%s: entrypoint %j, cmd %j, %s, user %j, ports %j', (image, entrypoint, cmd, stopSignal, user, ports) => {
    expect(config(image)).toMatchObject({ entrypoint, cmd, stopSignal, user, exposedPorts: ports })
  })

  it('sets PATH first in every image environment, and the images own variables', () => {
    for (const image of CATALOG) expect(Object.keys(configOf(image, image.defaultTag).env)[0], image.repository).toBe('PATH')
    expect(config('postgres:17').env).toMatchObject({ PG_MAJOR: '17', PGDATA: '/var/lib/postgresql/data' })
    expect(config('hashicorp/http-echo:1.0').env.ECHO_TEXT).toBe('hello-world')
    expect(config('httpd').env.PATH).toBe('/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
    expect(config('httpd').workingDir).toBe('/usr/local/apache2')
  })
})

describe('executables per distro flavour (what exec and sh -c can run)', () => {
  it('nginx and httpd are Debian slim: a shell and coreutils, but no procps, so no ps and no kill binary', () => {
    for (const image of ['nginx', 'httpd', 'redis', 'postgres', 'debian', 'wordpress']) {
      const b = config(image).binaries
      expect(b['/bin/sh'], image).toBe('sh:dash')
      expect(b['/bin/bash'], image).toBe('sh:bash')
      expect(b['/bin/cat'], image).toBe('coreutils:cat')
      expect(b['/usr/bin/sleep'], image).toBe('coreutils:sleep')
      for (const missing of ['/bin/kill', '/usr/bin/kill', '/bin/ps', '/usr/bin/ps']) expect(b[missing], `${image} ${missing}`).toBeUndefined()
    }
    expect(config('nginx').binaries['/usr/sbin/nginx']).toBe('nginx')
    expect(config('nginx').binaries['/docker-entrypoint.sh']).toBe('entrypoint:nginx')
  })

  it('ubuntu and the buildpack-deps images (python, node) have procps', () => {
    for (const image of ['ubuntu', 'python', 'node', 'mongo:4.2']) {
      expect(config(image).binaries['/usr/bin/ps'], image).toBe('procps:ps')
      expect(config(image).binaries['/usr/bin/kill'], image).toBe('procps:kill')
    }
  })

  it('busybox has every applet in /bin; alpine has them where busybox installs them', () => {
    const busybox = config('busybox:1.28').binaries
    expect(busybox['/bin/sh']).toBe('sh:busybox')
    for (const applet of ['kill', 'ps', 'sleep', 'wget', 'nslookup', 'env', 'printf', 'tail', 'head', 'hostname', 'date', 'rev', 'id', 'test', '[']) {
      expect(busybox[`/bin/${applet}`], applet).toBe(`busybox:${applet}`)
    }
    const alpine = config('alpine:3').binaries
    expect(alpine['/bin/sh']).toBe('sh:busybox')
    expect(alpine['/bin/kill']).toBe('busybox:kill')
    expect(alpine['/usr/bin/wget']).toBe('busybox:wget')
    expect(alpine['/usr/bin/nslookup']).toBe('busybox:nslookup')
    expect(alpine['/bin/wget']).toBeUndefined()
    expect(alpine['/sbin/apk']).toBe('apk')
    expect(config('nginx:1.27-alpine').binaries['/bin/sh']).toBe('sh:busybox')
    expect(config('docker.io/library/bash:5').binaries['/usr/local/bin/bash']).toBe('sh:bash')
  })

  it('distroless, pause, hello-world and the FROM-scratch images have no shell at all', () => {
    for (const image of ['registry.k8s.io/pause:3.1', 'gcr.io/google-samples/hello-app:1.0', 'hello-world', 'vish/stress', 'hashicorp/http-echo:1.0', 'registry.k8s.io/kube-apiserver:v1.32.5']) {
      const b = config(image).binaries
      expect(Object.keys(b).filter((p) => b[p]?.startsWith('sh:')), image).toEqual([])
    }
    expect(config('registry.k8s.io/pause:3.1').binaries).toEqual({ '/pause': 'pause' })
  })

  it('names only programs of the known families (the programs table resolves these ids)', () => {
    const families = /^(sh:(busybox|dash|bash)|busybox:[\w.[-]+|coreutils:[\w.[-]+|procps:[\w-]+|entrypoint:[\w-]+|daemon:[\w-]+(?:@\d+(?:,\d+)*)?|nginx|httpd|apachectl|redis-server|redis-cli|postgres|psql|pg_isready|mysqld|mysql|mysqladmin|mongod|mongosh|pause|agnhost|hello-world|http-echo|hello-app|stress:(vish|polinux)|node|python|perl|php|curl|apk|gosu|rabbitmq-server)$/
    const ids = new Set<string>()
    for (const image of CATALOG) for (const tag of [image.defaultTag]) for (const id of Object.values(configOf(image, tag).binaries)) ids.add(id)
    expect([...ids].filter((id) => !families.test(id))).toEqual([])
  })
})

describe('image files', () => {
  it('nginx serves the real default pages (615 and 497 bytes)', () => {
    const files = config('nginx').files
    expect(Buffer.byteLength(files['/usr/share/nginx/html/index.html'] ?? '')).toBe(615)
    expect(files['/usr/share/nginx/html/index.html']).toContain('<h1>Welcome to nginx!</h1>')
    expect(Buffer.byteLength(files['/usr/share/nginx/html/50x.html'] ?? '')).toBe(497)
  })

  it('ships /etc/os-release per distro and release, none in busybox', () => {
    expect(config('debian').files['/etc/os-release']).toContain('PRETTY_NAME="Debian GNU/Linux 13 (trixie)"')
    expect(config('debian:bookworm').files['/etc/os-release']).toContain('VERSION_CODENAME=bookworm')
    expect(config('ubuntu:22.04').files['/etc/os-release']).toContain('VERSION_ID="22.04"')
    expect(config('ubuntu:24.04').files['/etc/os-release']).toContain('UBUNTU_CODENAME=noble')
    expect(config('alpine').files['/etc/os-release']).toContain('ID=alpine')
    expect(config('busybox').files['/etc/os-release']).toBeUndefined()
  })

  it('ships /etc/passwd with root and the image users', () => {
    expect(config('nginx').files['/etc/passwd']).toMatch(/^root:x:0:0:root:\/root:\/bin\/bash\n[\s\S]*\nnginx:x:101:101:nginx user:\/nonexistent:\/bin\/false\n$/)
    expect(config('postgres').files['/etc/passwd']).toContain('postgres:x:999:999::/var/lib/postgresql:/bin/bash')
    expect(config('busybox').files['/etc/passwd']?.split('\n')[0]).toBe('root:x:0:0:root:/root:/bin/sh')
    expect(config('gcr.io/google-samples/hello-app:1.0').files['/etc/passwd']).toContain('nonroot:x:65532:65532')
  })
})

describe('resource profiles', () => {
  it('gives every image an idle memory and CPU use, the databases heavier than the web servers', () => {
    for (const image of CATALOG) expect(image.profile.memoryBytes, image.repository).toBeGreaterThanOrEqual(0)
    const mem = (i: string) => findImage(parseImage(i))?.profile.memoryBytes ?? 0
    expect(mem('mysql')).toBeGreaterThan(mem('postgres'))
    expect(mem('postgres')).toBeGreaterThan(mem('nginx'))
    expect(mem('nginx')).toBeGreaterThan(mem('registry.k8s.io/pause:3.10'))
  })
})
