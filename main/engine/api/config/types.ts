// core/v1 ConfigMap and Secret (k8s.io/api core/v1 types.go, v0.32.0), as their JSON carries them: a Secret's
// data values (and a ConfigMap's binaryData values) are standard base64 of the bytes, as []byte marshals.

import type { KubeObject } from '../../../kube'

export interface ConfigMap extends KubeObject {
  data?: Record<string, string>
  binaryData?: Record<string, string>
  immutable?: boolean
}

export interface Secret extends KubeObject {
  data?: Record<string, string>
  /** Write-only: merged into data on write (the v1 -> internal conversion), never stored. */
  stringData?: Record<string, string>
  type?: string
  immutable?: boolean
}

/** core.MaxSecretSize: the most bytes a Secret's (or a ConfigMap's) values may hold together, 1 MiB. */
export const MAX_SECRET_SIZE = 1024 * 1024

/** The bytes of a base64 value as the API holds it (already checked by the decoder). */
export function secretBytes(value: string): Buffer {
  return Buffer.from(value, 'base64')
}
