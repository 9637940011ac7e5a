// The Kubernetes project's images the docs use (registry.k8s.io, and the same images under the frozen
// k8s.gcr.io and gcr.io/google_containers names older doc versions use): pause, agnhost, busybox, nginx-slim
// and the examples' helpers. Configs from kubernetes/kubernetes build/pause and test/images/agnhost, and from
// docs-images.md §2a; what no source showed is marked inferred.

import { NGINX_50X_HTML, NGINX_INDEX_HTML } from '../files/nginx-html'
import { NGINX_SOURCE_50X_HTML, NGINX_SOURCE_CONF, NGINX_SOURCE_INDEX_HTML } from '../files/nginx-source-defaults'
import { DEFAULT_PATH } from './bases'
import { image, inferredServer, tags, type CatalogImage, type ImageSpec } from './define'

const MiB = 1024 * 1024

/** The same image served under each legacy name too (k8s.gcr.io, gcr.io/google_containers, gcr.io/google-containers). */
function mirrored(spec: ImageSpec, names: string[]): CatalogImage[] {
  return [image(spec), ...names.map((repository) => image({ ...spec, repository, mirrorOf: spec.repository }))]
}

// build/pause: FROM scratch, ENTRYPOINT ["/pause"]; USER 65535:65535 from 3.5 on (CHANGELOG.md).
const pause = mirrored(
  {
    repository: 'registry.k8s.io/pause',
    tags: tags('latest|0\\.8\\.0|1\\.0|2\\.0|3\\.(?:[0-9]|10)|3\\.10\\.[12]'),
    defaultTag: '3.10',
    sizeBytes: 320_368,
    pullMs: 700,
    base: { kind: 'scratch' },
    entrypoint: ['/pause'],
    user: '65535:65535',
    binaries: { '/pause': 'pause' },
    profile: { memoryBytes: 0.25 * MiB, cpuMillicores: 0 },
    runs: 'daemon',
    stopMs: 5,
    variants: [{ tags: /^(?:latest|0\.|1\.|2\.|3\.[0-4]$)/, build: { user: '' } }],
  },
  ['k8s.gcr.io/pause', 'gcr.io/google_containers/pause', 'gcr.io/google-containers/pause'],
)

// test/images/agnhost: Alpine with bash, curl, nc and dig; ENTRYPOINT ["/agnhost"], CMD ["pause"].
// Promoted tags only (k8s.io images.yaml): no `latest`, no 2.46.
const agnhost = image({
  repository: 'registry.k8s.io/e2e-test-images/agnhost',
  tags: tags('2\\.(?:9|1[023]|19|2[01]|26|2[89]|3[0-3]|3[56]|3[89]|4[01]|4[3-5]|4[78]|5\\d|6[01])', '2\\.62\\.[0-2]|2\\.63\\.0'),
  defaultTag: '2.53',
  sizeBytes: 51_225_806,
  base: { kind: 'alpine', release: 'alpine-3.20' },
  entrypoint: ['/agnhost'],
  cmd: ['pause'],
  exposedPorts: [80, 8080, 8081, 9376],
  binaries: {
    '/agnhost': 'agnhost',
    '/bin/bash': 'sh:bash',
    '/usr/bin/curl': 'curl',
    '/usr/bin/nc': 'busybox:nc',
    '/usr/bin/dig': 'busybox:nslookup',
  },
  profile: { memoryBytes: 2 * MiB, cpuMillicores: 0 },
  runs: 'daemon',
  stopMs: 5,
})

// The busybox the docs' probe and volume pages use: an old BusyBox build (1.27.2), `sh` by default (inferred).
const k8sBusybox = mirrored(
  {
    repository: 'registry.k8s.io/busybox',
    tags: tags('latest|1\\.24|1\\.27(?:\\.2)?'),
    sizeBytes: 1_144_547,
    pullMs: 900,
    base: { kind: 'busybox' },
    cmd: ['sh'],
    profile: { memoryBytes: 0.3 * MiB, cpuMillicores: 0 },
    runs: 'shell',
  },
  ['k8s.gcr.io/busybox', 'gcr.io/google_containers/busybox', 'gcr.io/google-containers/busybox'],
)

const e2eBusybox = image({
  repository: 'registry.k8s.io/e2e-test-images/busybox',
  tags: tags('1\\.29-[124]|1\\.36\\.1-1|1\\.37\\.0-[12]'),
  defaultTag: '1.37.0-2',
  sizeBytes: 2_231_050,
  base: { kind: 'busybox' },
  cmd: ['sh'],
  profile: { memoryBytes: 0.3 * MiB, cpuMillicores: 0 },
  runs: 'shell',
})

// ingress-nginx images/nginx-slim: nginx in the foreground on :80 and :443; Alpine in the stored Dockerfile.
// nginx is built from source (build.sh), so its files are the source tarball's defaults, not the Debian
// package's: nginx.conf with the server inline, no conf.d (files/nginx-source-defaults.ts).
const nginxSlim = mirrored(
  {
    repository: 'registry.k8s.io/nginx-slim',
    tags: tags('0\\.(?:[3-9]|1\\d|2\\d)'),
    defaultTag: '0.24',
    sizeBytes: 44_213_901,
    base: { kind: 'alpine', release: 'alpine-3.20' },
    cmd: ['nginx', '-g', 'daemon off;'],
    exposedPorts: [80, 443],
    stopSignal: 'SIGQUIT',
    binaries: { '/usr/sbin/nginx': 'nginx', '/usr/bin/nginx': 'nginx' },
    files: {
      '/etc/nginx/nginx.conf': NGINX_SOURCE_CONF,
      '/etc/nginx/nginx.conf.default': NGINX_SOURCE_CONF,
      '/usr/share/nginx/html/index.html': NGINX_SOURCE_INDEX_HTML,
      '/usr/share/nginx/html/50x.html': NGINX_SOURCE_50X_HTML,
    },
    users: ['nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin'],
    profile: { memoryBytes: 4 * MiB, cpuMillicores: 0 },
    runs: 'daemon',
    stopMs: 180,
  },
  ['k8s.gcr.io/nginx-slim', 'gcr.io/google_containers/nginx-slim'],
)

// A separate repository from Docker Hub's nginx, used by pods/resource/pod-level-resize.yaml (config inferred).
const k8sNginxFiles = { '/usr/share/nginx/html/index.html': NGINX_INDEX_HTML, '/usr/share/nginx/html/50x.html': NGINX_50X_HTML }
const k8sNginx = image({
  repository: 'registry.k8s.io/nginx',
  tags: tags('latest|1\\.7\\.9'),
  sizeBytes: 39_842_204,
  base: { kind: 'debian', release: 'debian-9' },
  cmd: ['nginx', '-g', 'daemon off;'],
  exposedPorts: [80, 443],
  binaries: { '/usr/sbin/nginx': 'nginx' },
  files: k8sNginxFiles,
  users: ['nginx:x:101:101:nginx user:/nonexistent:/bin/false'],
  profile: { memoryBytes: 4 * MiB, cpuMillicores: 0 },
  runs: 'daemon',
  stopMs: 180,
})

/** inferredServer, also under the legacy names. */
function server(repository: string, tagPattern: string, defaultTag: string, ports: number[], program: string, sizeBytes: number, legacy: string[] = []): CatalogImage[] {
  return [repository, ...legacy].map((name) => inferredServer(name, tagPattern, defaultTag, ports, program, sizeBytes, { mirrorOf: repository }))
}

export const KUBERNETES_IMAGES: CatalogImage[] = [
  ...pause,
  agnhost,
  ...k8sBusybox,
  e2eBusybox,
  ...nginxSlim,
  k8sNginx,
  ...server('registry.k8s.io/serve_hostname', 'latest|1\\.[0-4]|v1\\.4', 'latest', [9376], 'serve_hostname', 1_824_003, ['k8s.gcr.io/serve_hostname']),
  ...server('registry.k8s.io/echoserver', '1\\.(?:[0-9]|10)', '1.4', [8080], 'echoserver', 46_081_904, ['k8s.gcr.io/echoserver', 'gcr.io/google_containers/echoserver']),
  ...server('registry.k8s.io/goproxy', '0\\.1', '0.1', [8080], 'goproxy', 2_559_412, ['k8s.gcr.io/goproxy']),
  ...server('registry.k8s.io/hpa-example', 'latest', 'latest', [80], 'hpa-example', 176_549_823, ['k8s.gcr.io/hpa-example']),
  ...server('registry.k8s.io/kubernetes-zookeeper', '1\\.0-3\\.4\\.10', '1.0-3.4.10', [2181, 2888, 3888], 'zookeeper', 114_093_402, ['k8s.gcr.io/kubernetes-zookeeper']),
  ...server('registry.k8s.io/fluentd-gcp', '1\\.(?:2\\d|30)|2\\.0(?:\\.\\d)?', '2.0.2', [], 'fluentd', 134_221_900, ['k8s.gcr.io/fluentd-gcp']),
  ...server('k8s.gcr.io/fluentd-elasticsearch', '1\\.(?:1\\d|2\\d)', '1.20', [], 'fluentd', 118_420_774),
  ...server('quay.io/fluentd_elasticsearch/fluentd', 'v2\\.[5-9]\\.\\d|v[345]\\.\\d\\.\\d', 'v5.0.1', [24231], 'fluentd', 145_018_733),
  ...server('registry.k8s.io/event-exporter', 'v0\\.[1-3]\\.\\d', 'v0.2.3', [80], 'event-exporter', 17_223_519),
  ...server('registry.k8s.io/node-problem-detector', 'v0\\.\\d+(?:\\.\\d+)?', 'v0.1', [20256], 'node-problem-detector', 23_400_118),
  ...server('registry.k8s.io/cpa/cluster-proportional-autoscaler', '1\\.[7-9]\\.\\d', '1.8.4', [], 'cluster-proportional-autoscaler', 15_212_345),
  ...server('registry.k8s.io/kas-network-proxy/proxy-server', 'v0\\.0\\.\\d{2}', 'v0.0.32', [8132, 8133, 8134], 'proxy-server', 20_300_011),
  ...server('us.gcr.io/k8s-artifacts-prod/kas-network-proxy/proxy-agent', 'v0\\.0\\.\\d{2}', 'v0.0.37', [8093], 'proxy-agent', 18_930_004),
  ...server('registry.k8s.io/cloud-controller-manager', 'v1\\.\\d+\\.\\d+', 'v1.8.0', [10258], 'cloud-controller-manager', 40_112_880, ['k8s.gcr.io/cloud-controller-manager']),
  ...server('registry.k8s.io/dra-example-driver/dra-example-driver', 'v0\\.[0-2]\\.\\d', 'v0.1.0', [], 'dra-example-kubeletplugin', 31_020_559),
  image({
    repository: 'quay.io/crio/artifact',
    tags: tags('v[12]'),
    defaultTag: 'v2',
    sizeBytes: 4_242,
    pullMs: 650,
    base: { kind: 'scratch' },
    env: { PATH: DEFAULT_PATH },
    files: { '/dir/file': 'file\n', '/file': '2\n' },
    profile: { memoryBytes: 0, cpuMillicores: 0 },
    runs: 'exits',
  }),
]
