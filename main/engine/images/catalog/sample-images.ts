// The examples' own images outside Docker's library and the Kubernetes registry: Google's samples
// (hello-app, node-hello, kubernetes-bootcamp v1 and v2 but not the tutorial's failing v10, the guestbook),
// hashicorp/http-echo, the stress images, curlimages/curl and a few users' images the docs pull (docs-images.md
// §1, §1b, §2a). The two references the docs mean to fail are not here, nor the docs' placeholders.

import { alpineBinaries } from '../binaries/busybox-layouts'
import { DEFAULT_PATH } from './bases'
import { image, inferredServer, tags, type CatalogImage, type ImageSpec } from './define'

const MiB = 1024 * 1024

// GoogleCloudPlatform/kubernetes-engine-samples quickstarts/hello-app: a Go server on distroless, no shell.
const helloAppSpec: ImageSpec = {
  repository: 'gcr.io/google-samples/hello-app',
  tags: tags('1\\.0|2\\.0|sample'),
  defaultTag: '1.0',
  sizeBytes: 4_311_120,
  pullMs: 900,
  base: { kind: 'distroless', release: 'distroless' },
  cmd: ['/hello-app'],
  env: { PATH: DEFAULT_PATH, PORT: '8080' },
  user: 'nonroot:nonroot',
  binaries: { '/hello-app': 'hello-app' },
  profile: { memoryBytes: 2 * MiB, cpuMillicores: 0 },
  runs: 'daemon',
  stopMs: 5,
}

// hashicorp/http-echo v1: distroless nonroot, ENTRYPOINT ["/http-echo"], ECHO_TEXT=hello-world, :5678.
// The 0.2.x images are FROM scratch without ECHO_TEXT (their Dockerfile was not inspected: inferred).
const httpEcho = image({
  repository: 'docker.io/hashicorp/http-echo',
  tags: tags('latest|alpine|0\\.1\\.0|0\\.2\\.[0-3]|1\\.0(?:\\.[01])?'),
  defaultTag: 'latest',
  sizeBytes: 3_414_287,
  base: { kind: 'distroless', release: 'distroless' },
  entrypoint: ['/http-echo'],
  env: { PATH: DEFAULT_PATH, ECHO_TEXT: 'hello-world' },
  user: '65532:65532',
  exposedPorts: [5678],
  binaries: { '/http-echo': 'http-echo' },
  profile: { memoryBytes: 2 * MiB, cpuMillicores: 0 },
  runs: 'daemon',
  stopMs: 5,
  variants: [{ tags: /^(?:0\.|alpine)/, build: { base: { kind: 'scratch' }, env: { PATH: DEFAULT_PATH }, user: '', exposedPorts: [] } }],
})

// vishh/stress: FROM scratch, ENTRYPOINT ["/stress", "-logtostderr"].
const vishStress = image({
  repository: 'docker.io/vish/stress',
  tags: tags('latest'),
  sizeBytes: 1_928_355,
  pullMs: 800,
  base: { kind: 'scratch' },
  entrypoint: ['/stress', '-logtostderr'],
  binaries: { '/stress': 'stress:vish' },
  profile: { memoryBytes: 1 * MiB, cpuMillicores: 0 },
  runs: 'daemon',
  stopMs: 5,
})

// polinux/stress: stress(1) on Alpine; the docs always give `command: ["stress"]` (its CMD is unknown).
const polinuxStress = image({
  repository: 'docker.io/polinux/stress',
  tags: tags('latest|1\\.0\\.4'),
  sizeBytes: 4_019_210,
  base: { kind: 'alpine', release: 'alpine-3.12' },
  cmd: ['stress'],
  binaries: { '/usr/local/bin/stress': 'stress:polinux', '/usr/bin/stress': 'stress:polinux' },
  profile: { memoryBytes: 1 * MiB, cpuMillicores: 0 },
  runs: 'exits',
})

// curl/curl-container: Alpine, ENTRYPOINT ["/entrypoint.sh"] (prefixes `curl` to flags), CMD ["curl"], USER curl_user.
const curl = image({
  repository: 'docker.io/curlimages/curl',
  tags: tags('latest', '7\\.(?:[6-8]\\d)\\.\\d', '8\\.(?:1\\.[0-2]|[2-9]\\.[01]|1\\d\\.\\d|2[01]\\.0)'),
  sizeBytes: 10_226_004,
  base: { kind: 'alpine', release: 'alpine-3.22' },
  entrypoint: ['/entrypoint.sh'],
  cmd: ['curl'],
  user: 'curl_user',
  workingDir: '/home/curl_user',
  binaries: { '/entrypoint.sh': 'entrypoint:curl', '/usr/bin/curl': 'curl' },
  users: ['curl_user:x:100:101:Linux User,,,:/home/curl_user:/sbin/nologin'],
  profile: { memoryBytes: 0.5 * MiB, cpuMillicores: 0 },
  runs: 'exits',
})

const APACHE: Partial<ImageSpec> = {
  entrypoint: ['docker-php-entrypoint'],
  cmd: ['apache2-foreground'],
  stopSignal: 'SIGWINCH',
  binaries: { '/usr/local/bin/docker-php-entrypoint': 'daemon:apache2', '/usr/local/bin/apache2-foreground': 'httpd' },
}

export const SAMPLE_IMAGES: CatalogImage[] = [
  image(helloAppSpec),
  image({ ...helloAppSpec, repository: 'us-docker.pkg.dev/google-samples/containers/gke/hello-app', mirrorOf: helloAppSpec.repository }),
  httpEcho,
  vishStress,
  polinuxStress,
  curl,
  inferredServer('gcr.io/google-samples/node-hello', '1\\.0', '1.0', [8080], 'node-hello', 254_163_003),
  inferredServer('gcr.io/google-samples/kubernetes-bootcamp', 'v1', 'v1', [8080], 'kubernetes-bootcamp', 75_381_209),
  inferredServer('docker.io/jocatalin/kubernetes-bootcamp', 'v[12]', 'v2', [8080], 'kubernetes-bootcamp', 75_380_911),
  inferredServer('gcr.io/google-samples/xtrabackup', '1\\.0', '1.0', [3307], 'xtrabackup', 89_130_222),
  inferredServer('gcr.io/google-samples/cassandra', 'v1[1-4]', 'v13', [7000, 7001, 7199, 9042], 'cassandra', 139_114_600),
  inferredServer('gcr.io/google-samples/hello-go-gke', '1\\.0', '1.0', [80], 'hello-go-gke', 4_402_178),
  inferredServer('gcr.io/google-samples/hello-frontend', '1\\.0', '1.0', [80], 'hello-frontend', 40_220_316),
  inferredServer('us-docker.pkg.dev/google-samples/containers/gke/gb-frontend', 'v5', 'v5', [80], 'gb-frontend', 157_310_006, APACHE),
  inferredServer('us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower', 'v2', 'v2', [6379], 'gb-redis-follower', 40_914_228),
  inferredServer('gcr.io/google_samples/gb-redisslave', 'v[1-3]', 'v1', [6379], 'gb-redisslave', 38_407_919),
  inferredServer('gcr.io/google_samples/gb-frontend', 'v[3-6]', 'v4', [80], 'gb-frontend', 157_310_006, APACHE),
  inferredServer('docker.io/paulczar/gb-frontend', 'v5', 'v5', [80], 'gb-frontend', 157_310_006, APACHE),
  inferredServer('docker.io/corelab/gb-frontend', 'v5', 'v5', [80], 'gb-frontend', 157_310_006, APACHE),
  inferredServer('docker.io/bprashanth/nginxhttps', '1\\.0', '1.0', [80, 443], 'nginx', 43_121_650, { entrypoint: [], cmd: ['nginx', '-g', 'daemon off;'], binaries: { '/usr/sbin/nginx': 'nginx' } }),
  image({
    repository: 'docker.io/alpine/socat',
    tags: tags('latest|1\\.[78]\\.\\d\\.\\d'),
    defaultTag: '1.8.0.3',
    sizeBytes: 4_412_006,
    base: { kind: 'alpine', release: 'alpine-3.22' },
    entrypoint: ['socat'],
    binaries: { ...alpineBinaries(), '/usr/bin/socat': 'daemon:socat' },
    profile: { memoryBytes: 1 * MiB, cpuMillicores: 0 },
    runs: 'daemon',
  }),
]
