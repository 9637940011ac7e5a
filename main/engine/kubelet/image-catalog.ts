// What the simulated registry holds, as data (KWOK style): each repository's digest, size, how long a pull
// takes on the workshop network, and how its default process behaves. An image not listed here does not
// exist, and pulling it fails the way a pull of a missing Docker Hub repository fails.
//
// Sizes and digests are plausible values, not checked against the registry (it cannot be reached from here):
// they make events and `kubectl get pod -o yaml` look like a real cluster's. Tags are patterns of the tags each
// repository publishes; a tag outside them does not exist, as `nginx:1.999` does not.

export type StopBehaviour =
  /** The process exits on the stop signal after this long, with this code (nginx: SIGQUIT, graceful). */
  | { kind: 'exits'; afterMs: number; exitCode: number }
  /** PID 1 without a handler ignores SIGTERM (sleep, sh): only SIGKILL at the end of the grace period ends it. */
  | { kind: 'ignores' }

export interface CatalogImage {
  /** Repository as containerd names it: docker.io/library/nginx. */
  repository: string
  /** The tags that exist. */
  tags: RegExp
  digest: string
  sizeBytes: number
  pullMs: number
  /** The image's default process, when the pod gives no command: runs until stopped, or exits. */
  process: { kind: 'serves' } | { kind: 'exits'; afterMs: number; exitCode: number }
  onStop: StopBehaviour
}

const hub = (name: string) => `docker.io/library/${name}`

export const CATALOG: CatalogImage[] = [
  {
    repository: hub('nginx'),
    tags: /^(latest|stable|mainline|alpine|perl|bookworm|alpine-slim|(stable|mainline)(-(alpine|perl|bookworm|alpine-slim))?|1\.(1\d|2[0-8])(\.\d{1,2})?(-(alpine|perl|bookworm|alpine-slim|alpine-perl))?)$/,
    digest: 'sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a',
    sizeBytes: 72188133,
    pullMs: 4_812,
    process: { kind: 'serves' },
    onStop: { kind: 'exits', afterMs: 180, exitCode: 0 },
  },
  {
    repository: hub('httpd'),
    tags: /^(latest|alpine|bookworm|2(\.4(\.\d{1,2})?)?(-(alpine|bookworm))?)$/,
    digest: 'sha256:72f6e2d5a6b1b3a1f2f1e9a9d1e3b8f2c6a4e5d7b8c9a0f1e2d3c4b5a6978877',
    sizeBytes: 58012735,
    pullMs: 3_964,
    process: { kind: 'serves' },
    onStop: { kind: 'exits', afterMs: 1_050, exitCode: 0 },
  },
  {
    repository: hub('redis'),
    tags: /^(latest|alpine|bookworm|[5-7](\.\d(\.\d{1,2})?)?(-(alpine|bookworm))?)$/,
    digest: 'sha256:bd41d55aae1ecff61b2fafd0d66761223fe94a60373eb6bb781cfbb570a84079',
    sizeBytes: 45922453,
    pullMs: 3_371,
    process: { kind: 'serves' },
    onStop: { kind: 'exits', afterMs: 120, exitCode: 0 },
  },
  {
    repository: hub('postgres'),
    tags: /^(latest|alpine|bookworm|(9\.6|1[0-7])(\.\d{1,2})?(-(alpine|bookworm))?)$/,
    digest: 'sha256:87ec5e0a167dc7d4831729f9e1d2ee7b8597dcc49ccd9e43cc5f89e808d2adae',
    sizeBytes: 158452106,
    pullMs: 9_624,
    process: { kind: 'serves' },
    onStop: { kind: 'exits', afterMs: 420, exitCode: 0 },
  },
  {
    repository: hub('busybox'),
    tags: /^(latest|stable|musl|glibc|uclibc|1\.3[0-7](\.\d)?(-(musl|glibc|uclibc))?)$/,
    digest: 'sha256:a5d0ce49aa801d475da48f8cb163c354ab95cab073cd3c138bd458fc8257fbf1',
    sizeBytes: 2166802,
    pullMs: 1_203,
    process: { kind: 'exits', afterMs: 10, exitCode: 0 },
    onStop: { kind: 'ignores' },
  },
  {
    repository: hub('alpine'),
    tags: /^(latest|edge|3(\.(1\d|[0-9])(\.\d{1,2})?)?)$/,
    digest: 'sha256:21dc6063fd678b478f57c0e13f47560d0ea4eeba26dfc947b2a4f81f686b9f45',
    sizeBytes: 3653068,
    pullMs: 1_337,
    process: { kind: 'exits', afterMs: 10, exitCode: 0 },
    onStop: { kind: 'ignores' },
  },
  {
    repository: hub('ubuntu'),
    tags: /^(latest|rolling|devel|noble|jammy|focal|(18|20|22|24)\.04|24\.10)$/,
    digest: 'sha256:80dd3c3b9c6cecb9f1667e9290b3bc61b78c2678c02cbdae5f0fea92cc6734ab',
    sizeBytes: 29754422,
    pullMs: 2_588,
    process: { kind: 'exits', afterMs: 10, exitCode: 0 },
    onStop: { kind: 'ignores' },
  },
  // A kind node's preloaded images (bootstrap/kind-images.ts): the cluster's own components, which serve.
  ...[
    ['registry.k8s.io/etcd', /^3\.5\.\d{1,2}-0$/, 'a1ca8aa3d0e6d2f79a0aa2e4ed8c8d4d6d1c8d05b6a6e3eb2e7c69bb8d29c1a2', 57680541],
    ['registry.k8s.io/kube-apiserver', /^v1\.3[0-3]\.\d{1,2}$/, '9bb7d95e7c8e36bc0e2f48ab2ad9f6b1e7cd0c8f2f0c4f0b7a2f03c1d7f4e8a1', 28672180],
    ['registry.k8s.io/kube-controller-manager', /^v1\.3[0-3]\.\d{1,2}$/, '5c2e1e7d3f5b4f5a8c7b9e0d1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d', 26261230],
    ['registry.k8s.io/kube-scheduler', /^v1\.3[0-3]\.\d{1,2}$/, '6d3f2f8e4a6c5a6b9d8c0f1e2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e', 20657536],
    ['registry.k8s.io/kube-proxy', /^v1\.3[0-3]\.\d{1,2}$/, '7e4a3a9f5b7d6b7c0e9d1a2f3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f', 30908485],
    ['registry.k8s.io/coredns/coredns', /^v1\.1[0-2]\.\d$/, '9caabbf6238b189a65d0d6e6ac138de60d6a1c419e5a341fbbb7c78382559c6e', 18562039],
    ['docker.io/kindest/kindnetd', /^v2025\d{4}-[0-9a-f]{8}$/, '8f5b4bac6c8e7c8d1f0e2b3a4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70', 39008320],
    ['docker.io/kindest/local-path-provisioner', /^v2025\d{4}-[0-9a-f]{8}$/, '90a6c5cbd7d9f8d9e2a1f3c4b5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708', 22541737],
  ].map(([repository, tags, digest, sizeBytes]): CatalogImage => ({
    repository: repository as string,
    tags: tags as RegExp,
    digest: `sha256:${digest as string}`,
    sizeBytes: sizeBytes as number,
    pullMs: 3_000,
    process: { kind: 'serves' },
    onStop: { kind: 'exits', afterMs: 100, exitCode: 0 },
  })),
]

export interface ImageRef {
  /** As written in the pod spec: `nginx`, `nginx:1.27`. */
  given: string
  /** Fully qualified, as containerd reports it in containerStatuses[].image: docker.io/library/nginx:latest. */
  full: string
  repository: string
  tag: string
  /** `sha256:...` when the reference pins a digest. */
  digest?: string
}

/** Normalises a reference the way the container runtime does (docker.io/library/ for official images, :latest). */
export function parseImage(given: string): ImageRef {
  let rest = given
  const at = rest.indexOf('@')
  const digest = at >= 0 ? rest.slice(at + 1) : undefined
  if (at >= 0) rest = rest.slice(0, at)
  const slash = rest.lastIndexOf('/')
  const colon = rest.lastIndexOf(':')
  const tag = colon > slash ? rest.slice(colon + 1) : 'latest'
  let name = colon > slash ? rest.slice(0, colon) : rest
  const first = name.split('/')[0] ?? ''
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
  if (!hasRegistry) name = name.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`
  return digest ? { given, full: `${name}:${tag}`, repository: name, tag, digest } : { given, full: `${name}:${tag}`, repository: name, tag }
}

/** The image the reference names, if the registry has that repository and tag (or digest). */
export function findImage(ref: ImageRef): CatalogImage | undefined {
  const image = CATALOG.find((i) => i.repository === ref.repository)
  if (!image) return undefined
  if (ref.digest) return ref.digest === image.digest ? image : undefined
  return image.tags.test(ref.tag) ? image : undefined
}

/** containerd's words for a pull that finds nothing: no such repository, or no such tag in one that exists. */
export function pullFailure(ref: ImageRef): string {
  const name = ref.digest ? `${ref.repository}@${ref.digest}` : ref.full
  const prefix = `failed to pull and unpack image "${name}": failed to resolve reference "${name}": `
  return CATALOG.some((i) => i.repository === ref.repository)
    ? `${prefix}${name}: not found`
    : `${prefix}pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
}
