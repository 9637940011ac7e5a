// LIST answers: `limit` and `continue` over the engine's list (kept in etcd's key order, namespace then name),
// the XList envelope, or a Table. The continue token is the storage layer's (apiserver pkg/storage/continue.go
// EncodeContinue: base64url of {"v":"meta.k8s.io/v1","rv":N,"start":"KEY\u0000"}).
// Podlab keeps no snapshots to list at an older revision: a continued list reads the current objects after the
// token's key (what the API server does once the token's revision is compacted, minus the 410), so an object
// created or deleted between the pages may show up or not, as the API server warns for such lists.

import type { KubeObject } from '../kube'
import { badRequest } from './status'

export interface Page {
  items: KubeObject[]
  continueToken?: string
  /** Objects after this page; set only for a list without selectors, as the API server counts them. */
  remainingItemCount?: number
}

const keyOf = (o: KubeObject): string => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name ?? ''}` : (o.metadata.name ?? ''))

/** EncodeContinue: the token for a next page starting after `key` (the page's last), at revision `resourceVersion`. */
export function encodeContinue(key: string, resourceVersion: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: Number(resourceVersion), start: `${key}\u0000` })).toString('base64url')
}

/** DecodeContinue: the key a continued list starts at (inclusive: the last key seen plus a NUL). BadRequest with the storage layer's words for a token it did not make. */
export function decodeContinue(token: string): string {
  const invalid = (why: string) => badRequest(`invalid continue token: continue key is not valid: ${why}`)
  if (!/^[A-Za-z0-9_-]*$/.test(token)) throw invalid('illegal base64 data at input byte 0')
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    throw invalid('invalid character in the token')
  }
  const c = parsed as { v?: unknown; rv?: unknown; start?: unknown }
  if (c?.v !== 'meta.k8s.io/v1') throw invalid('server does not recognize this encoded version')
  if (typeof c.rv !== 'number' || c.rv <= 0) throw invalid('incorrect encoded start resourceVersion (version meta.k8s.io/v1)')
  if (typeof c.start !== 'string' || c.start === '') throw invalid('encoded start key empty')
  return c.start
}

/**
 * One page of `items` (in key order): from the continue token's key, at most `limit` objects (0 or none: all).
 * `selected` says whether a label or field selector narrowed the list (no remainingItemCount then).
 */
export function paginate(items: KubeObject[], resourceVersion: string, limit: number | undefined, continueToken: string | undefined, selected: boolean): Page {
  const start = continueToken ? decodeContinue(continueToken) : undefined
  // etcd's order is the keys' bytes: `a-b/x` before `a/x` (the store sorts by namespace, then name).
  const ordered = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0))
  const rest = start === undefined ? ordered : ordered.filter((o) => keyOf(o) >= start)
  if (!limit || limit <= 0 || rest.length <= limit) return { items: rest }
  const page = rest.slice(0, limit)
  const last = page[page.length - 1] as KubeObject
  return {
    items: page,
    continueToken: encodeContinue(keyOf(last), resourceVersion),
    ...(selected ? {} : { remainingItemCount: rest.length - limit }),
  }
}

/** The typed list a plain LIST answers: `PodList`, items without their own apiVersion and kind, as the API server's typed lists carry them. */
export function listOf(kind: string, apiVersion: string, page: Page, resourceVersion: string): unknown {
  return {
    kind: `${kind}List`,
    apiVersion,
    metadata: {
      resourceVersion,
      ...(page.continueToken ? { continue: page.continueToken } : {}),
      ...(page.remainingItemCount !== undefined ? { remainingItemCount: page.remainingItemCount } : {}),
    },
    items: page.items.map(({ apiVersion: _a, kind: _k, ...rest }) => rest),
  }
}
