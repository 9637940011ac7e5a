#!/usr/bin/env node
// Builds the OpenAPI v3 documents Podlab's API server serves at /openapi/v3 and /openapi/v3/<group-version>
// (main/engine/api/openapi/v3/) from the Kubernetes release-1.32 OpenAPI v2 spec, run by hand, not by tests:
//
//   node scripts/openapi/build-openapi.mjs <swagger.json> <k8s.io-api-src> [out-dir]
//
// The spec is kubernetes-client/python's kubernetes/swagger.json.unprocessed (commit 5342870c0, generated from
// Kubernetes release-1.32); <k8s.io-api-src> holds <group>/<version>/types.go of k8s.io/api v0.32.0 (the same
// release: `git archive v0.32.0 core/v1/types.go apps/v1/types.go ...` of github.com/kubernetes/api). For each group-version it keeps the kinds of KINDS and every definition they reach,
// and converts them as kube-openapi's v2 -> v3 conversion does (pkg/spec3, pkg/builder3):
//   - `#/definitions/X` refs become `#/components/schemas/X`;
//   - a ref with siblings (a description) becomes `allOf: [{$ref}]` beside them, as the v3 documents write it;
//   - IntOrString and Quantity get their OpenAPIV3OneOfTypes (`oneOf: [{type: integer}, {type: string}]`,
//     `oneOf: [{type: string}, {type: number}]`) instead of v2's `type: string` (intstr.go, quantity.go);
//   - the x-kubernetes-* extensions stay as they are;
//   - the `+enum` fields get back what that spec dropped and the apiserver's documents have (./go-enums.mjs):
//     `enum` (on the field, or its items / additionalProperties for a slice or map of one) and, for a field of
//     an enum type, the "Possible enum values:" paragraph kube-openapi's generateDescription appends.
// Paths keep only what `kubectl explain` reads (plaintext.tmpl finds a resource's GVK in its list and item
// paths): the four collection/item paths of each kind, each operation with its description, operationId, tags,
// x-kubernetes-action and x-kubernetes-group-version-kind, and the fieldValidation parameter kubectl's apply looks
// for (the other parameters, request bodies and responses dropped to
// keep the data small). Keys are sorted as Go's encoding/json writes maps. The root document names each
// group-version with `?hash=` the SHA-512 (hex, upper case) of that document's bytes, as the API server does
// (kube-openapi handler3.go).
//
// What is not reconstructed: the `default` values (`default: {}` on non-pointer structs) of the real v3
// documents (explain does not print them).

import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readEnums } from './go-enums.mjs'

/** The kinds a learner explains, per group-version: every kind Podlab serves plus a few it only documents. */
const KINDS = {
  'api/v1': [
    ['pods', 'io.k8s.api.core.v1.Pod'],
    ['nodes', 'io.k8s.api.core.v1.Node'],
    ['namespaces', 'io.k8s.api.core.v1.Namespace'],
    ['events', 'io.k8s.api.core.v1.Event'],
    ['configmaps', 'io.k8s.api.core.v1.ConfigMap'],
    ['secrets', 'io.k8s.api.core.v1.Secret'],
    ['services', 'io.k8s.api.core.v1.Service'],
    ['persistentvolumeclaims', 'io.k8s.api.core.v1.PersistentVolumeClaim'],
    ['serviceaccounts', 'io.k8s.api.core.v1.ServiceAccount'],
  ],
  'apis/apps/v1': [
    ['deployments', 'io.k8s.api.apps.v1.Deployment'],
    ['replicasets', 'io.k8s.api.apps.v1.ReplicaSet'],
    ['statefulsets', 'io.k8s.api.apps.v1.StatefulSet'],
    ['daemonsets', 'io.k8s.api.apps.v1.DaemonSet'],
  ],
  'apis/autoscaling/v2': [['horizontalpodautoscalers', 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler']],
  'apis/batch/v1': [
    ['jobs', 'io.k8s.api.batch.v1.Job'],
    ['cronjobs', 'io.k8s.api.batch.v1.CronJob'],
  ],
  'apis/coordination.k8s.io/v1': [['leases', 'io.k8s.api.coordination.v1.Lease']],
  'apis/events.k8s.io/v1': [['events', 'io.k8s.api.events.v1.Event']],
  'apis/networking.k8s.io/v1': [['ingresses', 'io.k8s.api.networking.v1.Ingress']],
}

/** OpenAPIV3OneOfTypes of the types that marshal as one of several JSON types. */
const ONE_OF = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': ['integer', 'string'],
  'io.k8s.apimachinery.pkg.api.resource.Quantity': ['string', 'number'],
}

const OPERATION_KEYS = ['description', 'operationId', 'tags', 'x-kubernetes-action', 'x-kubernetes-group-version-kind']

const [swaggerPath, apiSrc, outDir = 'main/engine/api/openapi/v3'] = process.argv.slice(2)
if (!swaggerPath || !apiSrc) {
  console.error('usage: build-openapi.mjs <swagger.json> <k8s.io-api-src> [out-dir]')
  process.exit(2)
}
const swagger = JSON.parse(readFileSync(swaggerPath, 'utf8'))
const defs = swagger.definitions
const enums = readEnums(apiSrc)

const refName = (ref) => ref.replace('#/definitions/', '')
const v3Ref = (ref) => `#/components/schemas/${refName(ref)}`

/** A v2 schema as v3 writes it. */
function convert(schema) {
  if (Array.isArray(schema)) return schema.map(convert)
  if (schema === null || typeof schema !== 'object') return schema
  const out = {}
  const { $ref, ...rest } = schema
  for (const [k, v] of Object.entries(rest)) {
    if (k === 'properties' || k === 'patternProperties') out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, convert(s)]))
    else if (k === 'items' || k === 'additionalProperties') out[k] = convert(v)
    else out[k] = v
  }
  if ($ref) {
    if (Object.keys(rest).length === 0) return { $ref: v3Ref($ref) }
    out.allOf = [{ $ref: v3Ref($ref) }]
  }
  return out
}

/** generateDescription over the field's comment lines plus DescriptionLines(): a new paragraph, one line a value. */
function withEnumParagraph(description, lines) {
  const paragraph = ['Possible enum values:', ...lines].join('\n')
  return description ? `${description}\n\n${paragraph}` : paragraph
}

function addEnums(name, schema) {
  for (const [field, add] of Object.entries(enums[name] ?? {})) {
    const prop = schema.properties?.[field]
    if (!prop) throw new Error(`${name}.${field}: in the Go types, not in the spec`)
    if (add.enum) {
      prop.enum = add.enum
      prop.description = withEnumParagraph(prop.description, add.descriptionLines)
    } else if (add.itemsEnum) prop.items.enum = add.itemsEnum
    else prop.additionalProperties.enum = add.additionalPropertiesEnum
  }
}

function convertDefinition(name) {
  const schema = convert(defs[name])
  addEnums(name, schema)
  const types = ONE_OF[name]
  if (types) {
    delete schema.type
    schema.oneOf = types.map((type) => ({ type }))
  }
  return schema
}

/** Every definition `roots` reach through $ref. */
function reachable(roots) {
  const seen = new Set()
  const queue = [...roots]
  while (queue.length) {
    const name = queue.pop()
    if (seen.has(name)) continue
    if (!defs[name]) throw new Error(`no definition ${name}`)
    seen.add(name)
    JSON.stringify(defs[name], (k, v) => {
      if (k === '$ref') queue.push(refName(v))
      return v
    })
  }
  return [...seen]
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]))
}

/**
 * The operation's fieldValidation query parameter in v3 form ({name, in, description, schema}), the one parameter
 * kept: kubectl 1.29+ trusts the server to validate only when the PATCH operation names it (kubectl-wire.md §7;
 * without it kubectl falls back to /openapi/v2).
 */
function fieldValidationParameter(operation) {
  const p = (operation.parameters ?? []).find((q) => q.name === 'fieldValidation' && q.in === 'query')
  return p && { description: p.description, in: p.in, name: p.name, schema: { type: p.type, uniqueItems: p.uniqueItems } }
}

function pathsFor(gv, resources) {
  const paths = {}
  for (const [plural] of resources) {
    for (const path of [`/${gv}/${plural}`, `/${gv}/${plural}/{name}`, `/${gv}/namespaces/{namespace}/${plural}`, `/${gv}/namespaces/{namespace}/${plural}/{name}`]) {
      const item = swagger.paths[path]
      if (!item) continue
      paths[path] = {}
      for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
        if (!item[method]) continue
        paths[path][method] = Object.fromEntries(OPERATION_KEYS.filter((k) => item[method][k] !== undefined).map((k) => [k, item[method][k]]))
        const fieldValidation = fieldValidationParameter(item[method])
        if (fieldValidation) paths[path][method].parameters = [fieldValidation]
      }
    }
  }
  return paths
}

mkdirSync(outDir, { recursive: true })
const root = { paths: {} }
let total = 0
for (const [gv, resources] of Object.entries(KINDS)) {
  const schemas = Object.fromEntries(reachable(resources.map(([, def]) => def)).sort().map((name) => [name, convertDefinition(name)]))
  const doc = sortKeys({
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths: pathsFor(gv, resources),
    components: { schemas, securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' } } },
  })
  const text = JSON.stringify(doc)
  const file = `${gv.replaceAll('/', '__')}.json`
  writeFileSync(join(outDir, file), text)
  const hash = createHash('sha512').update(text).digest('hex').toUpperCase()
  root.paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${hash}` }
  total += text.length
  console.log(`${file}: ${Object.keys(schemas).length} schemas, ${text.length} bytes`)
}
writeFileSync(join(outDir, 'root.json'), JSON.stringify(root))
console.log(`total ${total} bytes`)
