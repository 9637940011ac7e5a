// The two version.Info values `kubectl version` prints: the client's (kubectl 1.32.5 itself, as
// k8s.io/component-base/version reports it for the upstream release build) and the server's (Podlab's API server
// answers /version as the kube-apiserver of kindest/node v1.32.5; server-version.json is shared with the golden
// recorder's fake API server, scripts/golden/fake-info.mjs, and is what the REST door should serve at /version).

import server from './server-version.json'

/** apimachinery pkg/version Info, fields in Go's order (json output keeps it). */
export interface VersionInfo {
  major: string
  minor: string
  gitVersion: string
  gitCommit: string
  gitTreeState: string
  buildDate: string
  goVersion: string
  compiler: string
  platform: string
}

/** `kubectl.1.32 version --client -o json` of the upstream v1.32.5 build. */
export const CLIENT_VERSION: VersionInfo = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.5',
  gitCommit: '9894294ef13a5b32803e3ca2c0d620a088cc84d1',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T09:12:10Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
}

/** The kustomize kubectl 1.32 embeds (version.go: kustomize's module version from the build info). */
export const KUSTOMIZE_VERSION = 'v5.5.0'

/** What Podlab's API server answers at /version. */
export const SERVER_VERSION: VersionInfo = server
