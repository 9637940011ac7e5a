// What decoding does to a v1 Secret before the strategy sees it: SetDefaults_Secret (type Opaque) and
// Convert_v1_Secret_To_core_Secret, which merges stringData into data (stringData wins) and drops it, so that
// stringData is never stored nor returned (pkg/apis/core/v1/{defaults,conversion}.go, release-1.32).

import type { Secret } from './types'

export function defaultSecret(secret: Secret): void {
  if (!secret.type) secret.type = 'Opaque'
  const { stringData } = secret
  delete secret.stringData
  if (!stringData || Object.keys(stringData).length === 0) return
  const data = { ...secret.data }
  for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(v, 'utf8').toString('base64')
  secret.data = data
}
