// Test-only: what the port of strategicpatch/patch_test.go needs: upstream's test schema (mergeItem, read from
// its testdata/swagger-merge-item.json through the same ShapeLookup the API types use), its test tables, and
// sortMergeListsByName, which upstream runs over the typed cases so that merged lists compare in one order.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import type { Shape } from '../../schema'
import { isJsonMap, type JsonMap } from '../go-json'
import { deduplicateScalars, MERGE_DIRECTIVE, retainKeysAndStrategy, sortMapsBasedOnField, sortScalars } from '../list-order'
import { ShapeLookup, type FieldPatchMeta, type LookupPatchMeta } from '../patch-meta'

const TESTDATA = join(__dirname, '../testdata')

interface SwaggerProp {
  $ref?: string
  type?: string
  items?: SwaggerProp
  additionalProperties?: SwaggerProp | string
  'x-kubernetes-patch-strategy'?: string
  'x-kubernetes-patch-merge-key'?: string
}
type Definitions = Record<string, { properties?: Record<string, SwaggerProp> }>

function shapeOf(p: SwaggerProp): Shape {
  if (p.$ref) return { kind: 'struct', type: p.$ref.replace('#/definitions/', '') }
  if (p.type === 'array' && p.items) return { kind: 'list', of: shapeOf(p.items) }
  if (p.type === 'object' && typeof p.additionalProperties === 'object') return { kind: 'map', of: shapeOf(p.additionalProperties) }
  return { kind: 'scalar', name: 'any' }
}

/** upstream's mergeItem schema (PatchMetaFromOpenAPI over testdata/swagger-merge-item.json). */
export function mergeItemSchema(): LookupPatchMeta {
  const defs = (JSON.parse(readFileSync(join(TESTDATA, 'swagger-merge-item.json'), 'utf8')) as { definitions: Definitions }).definitions
  const resolve = (type: string, field: string): (FieldPatchMeta & { shape: Shape }) | undefined => {
    const p = defs[type]?.properties?.[field]
    if (!p) return undefined
    const strategy = p['x-kubernetes-patch-strategy']
    return { shape: shapeOf(p), strategies: strategy ? strategy.split(',') : [], mergeKey: p['x-kubernetes-patch-merge-key'] ?? '' }
  }
  return new ShapeLookup({ kind: 'struct', type: 'mergeItem' }, resolve, (t) => t)
}

export interface TypedCase {
  description: string
  original?: JsonMap
  modified?: JsonMap
  current?: JsonMap
  twoWay?: JsonMap
  threeWay?: JsonMap
  result?: JsonMap
  twoWayResult?: JsonMap
}

export interface RawCase {
  description: string
  original?: string
  modified?: string
  current?: string
  twoWay?: string
  threeWay?: string
  result?: string
  twoWayResult?: string
  expectedError?: string
}

export function typedCases(file: string): TypedCase[] {
  return (load(readFileSync(join(TESTDATA, file), 'utf8')) as { testCases: TypedCase[] }).testCases
}

export function rawCases(file: string): RawCase[] {
  return (JSON.parse(readFileSync(join(TESTDATA, file), 'utf8')) as { cases: RawCase[] }).cases
}

/** yamlToJSON as upstream's raw cases use it: empty text is no document. */
export function yamlDoc(text: string | undefined): JsonMap | undefined {
  if (text === undefined || text.trim() === '') return undefined
  return (load(text) ?? undefined) as JsonMap | undefined
}

/** sortMergeListsByNameMap: merged lists sorted by merge key (recursively), scalar sets sorted, directives' lists sorted. */
export function sortMergeListsByName(s: JsonMap, schema: LookupPatchMeta | null): JsonMap {
  const out: JsonMap = {}
  for (const [k, v0] of Object.entries(s)) {
    let v = v0
    if (k === '$retainKeys' || k.startsWith('$deleteFromPrimitiveList')) v = sortScalars(v as unknown[])
    else if (!k.startsWith('$setElementOrder') && k !== '$patch') {
      if (isJsonMap(v)) v = sortMergeListsByName(v, schema ? schema.lookupStruct(k)[0] : null)
      else if (Array.isArray(v) && schema) {
        const [sub, meta] = schema.lookupSlice(k)
        if (retainKeysAndStrategy(meta.strategies)[1] === MERGE_DIRECTIVE) v = sortArray(v, sub, meta.mergeKey)
      }
    }
    out[k] = v
  }
  return out
}

function sortArray(s: unknown[], schema: LookupPatchMeta | null, mergeKey: string): unknown[] {
  if (s.length === 0) return s
  if (!s.every(isJsonMap)) return sortScalars(deduplicateScalars(s))
  return sortMapsBasedOnField(
    s.map((e) => sortMergeListsByName(e as JsonMap, schema)),
    mergeKey,
  )
}
