// The pod-template-hash (kubernetes v1.32 pkg/controller/controller_utils.go ComputeHash, ported by hand):
// FNV-32a over the template, then the collision count as 8 little-endian bytes (the low 4 set), printed in
// decimal and mapped digit by digit onto apimachinery's alphabet (rand.SafeEncodeString).
//
// Upstream hashes the template as go-spew prints the Go struct v1.PodTemplateSpec (hashutil.DeepHashObject,
// `%#v` with sorted keys): every field of every nested Go type, with its Go type name, in struct order. Podlab
// holds templates as JSON and has not the Go struct layout, so it hashes the template's canonical JSON
// (sorted keys) instead: the algorithm, the alphabet and the collision handling are upstream's, the input
// text is not, so Podlab's hashes do not equal a real cluster's for the same template.

import { ALPHANUMS } from '../../api/meta/names'
import type { PodTemplateSpec } from '../../api/apps/types'

const FNV32_OFFSET = 0x811c9dc5
const FNV32_PRIME = 0x01000193

/** hash/fnv New32a over `bytes`, continuing from `hash`. */
export function fnv32a(bytes: Uint8Array, hash = FNV32_OFFSET): number {
  let h = hash >>> 0
  for (const b of bytes) {
    h ^= b
    h = Math.imul(h, FNV32_PRIME) >>> 0
  }
  return h
}

/** rand.SafeEncodeString: each character of `s` replaced by ALPHANUMS[code % 27]. */
export function safeEncodeString(s: string): string {
  let out = ''
  for (const ch of s) out += ALPHANUMS[(ch.codePointAt(0) ?? 0) % ALPHANUMS.length]
  return out
}

/** JSON with object keys sorted at every level: one text per template, whatever order its fields came in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** ComputeHash: the pod-template-hash of `template` with `collisionCount` (status.collisionCount) when set. */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJson(template)))
  if (collisionCount !== undefined && collisionCount !== null) {
    const bytes = new Uint8Array(8)
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true)
    h = fnv32a(bytes, h)
  }
  return safeEncodeString(String(h))
}
