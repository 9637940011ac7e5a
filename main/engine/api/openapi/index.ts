// The OpenAPI v3 documents Podlab's API server serves, as kube-apiserver 1.32 serves them at /openapi/v3 (the
// root: each group-version's document with its hash) and /openapi/v3/<group-version> (kube-openapi
// pkg/handler3/handler.go): the built-in kubectl's `explain` reads them through the Engine face, the REST door
// will serve them as they are. Built by scripts/openapi/build-openapi.mjs from the release-1.32 spec (v3/README.md
// says what they keep and leave out); JSON imports, so electron-vite bundles them into main and the CLI.

import root from './v3/root.json'
import core from './v3/api__v1.json?raw'
import apps from './v3/apis__apps__v1.json?raw'
import autoscaling from './v3/apis__autoscaling__v2.json?raw'
import batch from './v3/apis__batch__v1.json?raw'
import coordination from './v3/apis__coordination.k8s.io__v1.json?raw'
import events from './v3/apis__events.k8s.io__v1.json?raw'
import networking from './v3/apis__networking.k8s.io__v1.json?raw'

/** The root document: `{"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?hash=<SHA-512 hex>"}}}`. */
export interface OpenAPIV3Root {
  paths: Record<string, { serverRelativeURL: string }>
}

/** One group-version's OpenAPI 3.0 document (components.schemas, paths), as decoded JSON. */
export type OpenAPIV3Document = Record<string, unknown>

// Their text, parsed on first use: ~940 KB of JSON that `kubectl get` and most commands never read, parsed
// at every `podlab` start when imported as objects.
const TEXTS: Record<string, string> = {
  'api/v1': core,
  'apis/apps/v1': apps,
  'apis/autoscaling/v2': autoscaling,
  'apis/batch/v1': batch,
  'apis/coordination.k8s.io/v1': coordination,
  'apis/events.k8s.io/v1': events,
  'apis/networking.k8s.io/v1': networking,
}
const parsed = new Map<string, OpenAPIV3Document>()

/** GET /openapi/v3: the group-versions documented, each with the hash of its document's bytes. */
export function openAPIV3Root(): OpenAPIV3Root {
  return root as OpenAPIV3Root
}

/**
 * GET /openapi/v3/<groupVersionPath> (`api/v1`, `apis/apps/v1`): the document, or undefined when that
 * group-version has none (the API server's 404). Its bytes are JSON.stringify of it (the root's hash is theirs).
 */
export function openAPIV3(groupVersionPath: string): OpenAPIV3Document | undefined {
  if (!Object.hasOwn(TEXTS, groupVersionPath)) return undefined
  let doc = parsed.get(groupVersionPath)
  if (!doc) parsed.set(groupVersionPath, (doc = JSON.parse(TEXTS[groupVersionPath]!) as OpenAPIV3Document))
  return doc
}

export { DOCUMENTED_ONLY_RESOURCES } from './documented-resources'
