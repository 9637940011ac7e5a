// GET /version: the server kindest/node v1.32.5 reports (the same as main/kubectl/cmd/version/server-version.json,
// which `podlab kubectl version` prints; version.test.ts holds them equal). Its minor decides which kubectl the
// gcloud dispatcher on PATH runs against this door: 32 runs its bundled 1.32 (kubectl-wire.md §0.8).

export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.5',
  gitCommit: '9894294ef13a5b32803e3ca2c0d620a088cc84d1',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T09:12:10Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
} as const
