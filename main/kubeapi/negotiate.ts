// Content negotiation as the API server does it (apiserver pkg/endpoints/handlers/negotiation): the Accept
// header is a list of media types with parameters; `as=Table;g=meta.k8s.io;v=v1` asks for a Table,
// `as=APIGroupDiscoveryList;g=apidiscovery.k8s.io;v=v2` for aggregated discovery. The first one this door can
// serve wins. Protobuf is never answered: kubectl takes JSON for it (kubectl-wire.md §0.5). Nor to a client that
// accepts protobuf only (`Accept: application/vnd.kubernetes.protobuf`), which the API server would answer in
// protobuf: client-go decodes a response by its Content-Type, so JSON serves it where a 406 would fail it.
// Protobuf request bodies are read (./protobuf/decode.ts).

import type { AggregatedVersion } from './discovery'

export interface MediaType {
  /** `application/json`, lower case. */
  type: string
  params: Record<string, string>
}

/** The media types of an Accept (or Content-Type) header, in order. */
export function mediaTypes(header: string | undefined): MediaType[] {
  if (!header) return []
  return header
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim())
      const parsed: Record<string, string> = {}
      for (const p of params) {
        const eq = p.indexOf('=')
        if (eq > 0) parsed[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1')
      }
      return { type: type.toLowerCase(), params: parsed }
    })
    .filter((m) => m.type !== '')
}

const jsonLike = (m: MediaType) => m.type === 'application/json' || m.type === '*/*' || m.type === 'application/*'

/** The Table version asked for (`v1`, or the old `v1beta1`), or undefined when the client wants objects. */
export function tableVersion(accept: string | undefined): 'v1' | 'v1beta1' | undefined {
  for (const m of mediaTypes(accept)) {
    if (m.params.as === 'Table' && m.params.g === 'meta.k8s.io' && (m.params.v === 'v1' || m.params.v === 'v1beta1') && jsonLike(m)) return m.params.v
    // The first plain type the server can answer wins over a later Table (server-side printing off).
    if (m.params.as === undefined && (jsonLike(m) || m.type === 'application/vnd.kubernetes.protobuf' || m.type === 'application/yaml')) return undefined
  }
  return undefined
}

/** The aggregated discovery version asked for, in the client's order of preference; undefined for legacy. */
export function aggregatedVersion(accept: string | undefined): AggregatedVersion | undefined {
  for (const m of mediaTypes(accept)) {
    if (m.params.as === 'APIGroupDiscoveryList' && m.params.g === 'apidiscovery.k8s.io' && jsonLike(m)) {
      if (m.params.v === 'v2' || m.params.v === 'v2beta1') return m.params.v
      continue
    }
    if (m.params.as === undefined && jsonLike(m)) return undefined
  }
  return undefined
}

/**
 * The Content-Type aggregated discovery must carry for kubectl to read it as such (kubectl-wire.md §2: with a
 * plain application/json it falls back to the legacy path and finds nothing).
 */
export function aggregatedContentType(version: AggregatedVersion): string {
  return `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`
}
