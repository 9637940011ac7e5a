// Why a pull fails, in the words a kind node's containerd (CRI plugin, containerd 1.7/2.x) gives the kubelet:
// a gRPC status `rpc error: code = <Code> desc = <text>`, the text being containerd's chain of wrapped errors
// `failed to pull and unpack image "<ref>": failed to resolve reference "<ref>": <cause>`. The kubelet prints it
// after `Failed to pull image "<as given>": ` in its Failed event and keeps it as the ErrImagePull message.
// Each cause below is quoted from real clusters:
// - a tag or digest the repository lacks, any registry, code NotFound:
//   `docker.io/cvisionai/tator_online:b51d...: not found` (github.com/cvisionai/tator#439,
//   github.com/labring/sealos#4117, github.com/kagent-dev/kagent#2178);
// - a Docker Hub repository that does not exist (or is private), code Unknown:
//   `pull access denied, repository does not exist or may require authorization: server message:
//   insufficient_scope: authorization failed` (github.com/bitnami/charts#23406);
// - a gcr.io / Artifact Registry / ghcr.io repository that does not exist or is private: the anonymous token
//   is refused, `failed to authorize: failed to fetch anonymous token: unexpected status from GET request to
//   https://gcr.io/v2/token?scope=repository%3A...%3Apull&service=gcr.io: 403 Forbidden`
//   (github.com/kubernetes/node-problem-detector#1289, github.com/nloui/paperless-mcp#10);
// - a registry answering the manifest request with 401 (quay.io for a missing repository): `pulling from host
//   quay.io failed with status code [manifests v1]: 401 UNAUTHORIZED` (the wording of
//   github.com/kubernetes/kubernetes#110678, github.com/bitpoke/mysql-operator#810);
// - a host name that does not resolve: `failed to do request: Head "https://<host>/v2/<path>/manifests/<tag>":
//   dial tcp: lookup <host> on 172.18.0.1:53: no such host` (kind's node resolves through the docker network's
//   gateway, kind's entrypoint enable_network_magic; format as github.com/kubernetes/kubeadm#2936);
// - localhost, where nothing listens on the node: containerd tries plain HTTP for localhost
//   (`dial tcp 127.0.0.1:5000: connect: connection refused`).

import { goQuote } from '../../gostd/gofmt'
import type { ImageRef } from './image-name'

/** gRPC status codes containerd's errdefs map pull errors to. */
export type PullFailureCode = 'NotFound' | 'Unknown'

export type PullFailureKind = 'not-found' | 'access-denied' | 'token-forbidden' | 'unauthorized' | 'no-such-host' | 'connection-refused'

export interface PullFailure {
  kind: PullFailureKind
  code: PullFailureCode
  /** containerd's error text (the gRPC description). */
  desc: string
}

/** The name containerd pulls by: the digest wins over a tag (reference.ParseDockerRef). */
export function pullName(ref: ImageRef): string {
  return ref.digest ? `${ref.repository}@${ref.digest}` : `${ref.repository}:${ref.tag}`
}

function splitHost(repository: string): [string, string] {
  const slash = repository.indexOf('/')
  return slash < 0 ? ['', repository] : [repository.slice(0, slash), repository.slice(slash + 1)]
}

/** Registries that refuse an anonymous token for a repository they do not serve (403 from their token endpoint). */
function tokenEndpoint(host: string): string | undefined {
  if (host === 'gcr.io' || host.endsWith('.gcr.io')) return `https://${host}/v2/token`
  if (host.endsWith('-docker.pkg.dev') || host === 'us-docker.pkg.dev') return `https://${host}/v2/token`
  if (host === 'ghcr.io') return 'https://ghcr.io/token'
  return undefined
}

/** Registries that exist in the simulated world: a repository they lack fails as the real one does. */
const KNOWN_HOSTS = new Set(['docker.io', 'registry.k8s.io', 'k8s.gcr.io', 'quay.io', 'mcr.microsoft.com', 'public.ecr.aws', 'ghcr.io'])

function isKnownHost(host: string): boolean {
  return KNOWN_HOSTS.has(host) || tokenEndpoint(host) !== undefined
}

/**
 * Why pulling `ref` fails: `repositoryExists` says whether the registry has the repository at all (then only
 * the tag or digest is missing). The text is containerd's; see the file comment for the sources.
 */
export function pullFailureOf(ref: ImageRef, repositoryExists: boolean): PullFailure {
  const name = pullName(ref)
  const prefix = `failed to pull and unpack image ${goQuote(name)}: failed to resolve reference ${goQuote(name)}: `
  const [host, path] = splitHost(ref.repository)
  const object = ref.digest ?? ref.tag
  const fail = (kind: PullFailureKind, code: PullFailureCode, cause: string): PullFailure => ({ kind, code, desc: prefix + cause })
  if (host === 'localhost' || host.startsWith('localhost:') || host.startsWith('127.')) {
    const port = host.includes(':') ? host.slice(host.indexOf(':') + 1) : '80'
    return fail('connection-refused', 'Unknown', `failed to do request: Head "http://${host}/v2/${path}/manifests/${object}": dial tcp 127.0.0.1:${port}: connect: connection refused`)
  }
  if (!isKnownHost(host)) {
    const hostname = host.replace(/:\d+$/, '')
    return fail('no-such-host', 'Unknown', `failed to do request: Head "https://${host}/v2/${path}/manifests/${object}": dial tcp: lookup ${hostname} on 172.18.0.1:53: no such host`)
  }
  if (repositoryExists || host === 'registry.k8s.io' || host === 'k8s.gcr.io' || host === 'mcr.microsoft.com') {
    return fail('not-found', 'NotFound', `${name}: not found`)
  }
  if (host === 'docker.io') {
    return fail('access-denied', 'Unknown', 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed')
  }
  const token = tokenEndpoint(host)
  if (token) {
    const scope = encodeURIComponent(`repository:${path}:pull`)
    return fail('token-forbidden', 'Unknown', `failed to authorize: failed to fetch anonymous token: unexpected status from GET request to ${token}?scope=${scope}&service=${host}: 403 Forbidden`)
  }
  return fail('unauthorized', 'Unknown', `pulling from host ${host} failed with status code [manifests ${object}]: 401 UNAUTHORIZED`)
}

/** The gRPC error as the kubelet prints it: `rpc error: code = NotFound desc = failed to pull and unpack image ...`. */
export function rpcErrorText(failure: PullFailure): string {
  return `rpc error: code = ${failure.code} desc = ${failure.desc}`
}

/** The kubelet's Failed event for a pull (image_manager.go): `Failed to pull image "<as given>": <rpc error>`. */
export function failedToPullMessage(given: string, failure: PullFailure): string {
  return `Failed to pull image ${goQuote(given)}: ${rpcErrorText(failure)}`
}
