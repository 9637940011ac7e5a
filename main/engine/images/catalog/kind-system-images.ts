// A kind node's preloaded images (bootstrap/kind-images.ts): the cluster's own components, which serve. The
// control-plane images are distroless (no shell); kindnetd and local-path-provisioner are Debian/BusyBox based.

import { image, tags, type CatalogImage } from './define'

const MiB = 1024 * 1024

type Row = [repository: string, tagPattern: string, defaultTag: string, digest: string, sizeBytes: number, command: string, memoryMiB: number]

const ROWS: Row[] = [
  ['registry.k8s.io/etcd', '3\\.[45]\\.\\d{1,2}-0', '3.5.16-0', 'a1ca8aa3d0e6d2f79a0aa2e4ed8c8d4d6d1c8d05b6a6e3eb2e7c69bb8d29c1a2', 57680541, '/usr/local/bin/etcd', 40],
  ['registry.k8s.io/kube-apiserver', 'v1\\.(?:2\\d|3[0-3])\\.\\d{1,2}', 'v1.32.5', '9bb7d95e7c8e36bc0e2f48ab2ad9f6b1e7cd0c8f2f0c4f0b7a2f03c1d7f4e8a1', 28672180, '/usr/local/bin/kube-apiserver', 220],
  ['registry.k8s.io/kube-controller-manager', 'v1\\.(?:2\\d|3[0-3])\\.\\d{1,2}', 'v1.32.5', '5c2e1e7d3f5b4f5a8c7b9e0d1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d', 26261230, '/usr/local/bin/kube-controller-manager', 45],
  ['registry.k8s.io/kube-scheduler', 'v1\\.(?:2\\d|3[0-3])\\.\\d{1,2}', 'v1.32.5', '6d3f2f8e4a6c5a6b9d8c0f1e2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e', 20657536, '/usr/local/bin/kube-scheduler', 20],
  ['registry.k8s.io/kube-proxy', 'v1\\.(?:2\\d|3[0-3])\\.\\d{1,2}', 'v1.32.5', '7e4a3a9f5b7d6b7c0e9d1a2f3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f', 30908485, '/usr/local/bin/kube-proxy', 15],
  ['registry.k8s.io/coredns/coredns', 'v1\\.(?:[89]|1[0-2])\\.\\d', 'v1.11.3', '9caabbf6238b189a65d0d6e6ac138de60d6a1c419e5a341fbbb7c78382559c6e', 18562039, '/coredns', 13],
  ['docker.io/kindest/kindnetd', 'v202[3-6]\\d{4}-[0-9a-f]{8}', 'v20250512-df8de77b', '8f5b4bac6c8e7c8d1f0e2b3a4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70', 39008320, '/bin/kindnetd', 10],
  ['docker.io/kindest/local-path-provisioner', 'v202[3-6]\\d{4}-[0-9a-f]{8}', 'v20250214-acbabc1a', '90a6c5cbd7d9f8d9e2a1f3c4b5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708', 22541737, '/usr/local/bin/local-path-provisioner', 8],
  ['docker.io/kindest/local-path-helper', 'v202[3-6]\\d{4}-[0-9a-f]{8}', 'v20241212-8ac705d0', '61d1c4f5a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d', 3_037_528, '/bin/sh', 1],
]

export const KIND_SYSTEM_IMAGES: CatalogImage[] = ROWS.map(([repository, tagPattern, defaultTag, digest, sizeBytes, command, memoryMiB]) =>
  image({
    repository,
    tags: tags(tagPattern),
    defaultTag,
    digest,
    sizeBytes,
    pullMs: 3_000,
    base: command === '/bin/sh' ? { kind: 'busybox' } : { kind: 'distroless', release: 'distroless' },
    entrypoint: command === '/bin/sh' ? [] : [command],
    cmd: command === '/bin/sh' ? ['sh'] : [],
    binaries: command === '/bin/sh' ? {} : { [command]: `daemon:${command.slice(command.lastIndexOf('/') + 1)}` },
    profile: { memoryBytes: memoryMiB * MiB, cpuMillicores: 2 },
    runs: 'daemon',
  }),
)
