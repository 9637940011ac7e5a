// GET /version: the kube-apiserver of kindest/node v1.32.5, the one file `podlab kubectl version` prints and the
// golden recorder's fake server answers (main/kubectl/cmd/version/server-version.json: data, the one thing this
// door takes from kubectl's folder). Its minor decides which kubectl the gcloud dispatcher on PATH runs against
// this door: 32 runs its bundled 1.32 (kubectl-wire.md §0.8).

import server from '../kubectl/cmd/version/server-version.json'

export const SERVER_VERSION: Readonly<Record<string, string>> = server
