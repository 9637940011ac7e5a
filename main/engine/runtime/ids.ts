// Identifiers drawn from the cluster's seeded generator: object UIDs (RFC 4122 version 4 shape, as the API
// server's uuid.NewUUID gives) and container runtime ids (containerd's 64 hex digits).

import type { Rng } from './rng'

function hex(rng: Rng, digits: number): string {
  let out = ''
  for (let i = 0; i < digits; i++) out += rng.int(16).toString(16)
  return out
}

export function newUid(rng: Rng): string {
  const variant = (8 + rng.int(4)).toString(16)
  return `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${variant}${hex(rng, 3)}-${hex(rng, 12)}`
}

export function newContainerId(rng: Rng): string {
  return hex(rng, 64)
}
