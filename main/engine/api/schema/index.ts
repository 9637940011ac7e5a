// The known fields of the API objects Podlab decodes, generated from the Kubernetes 1.32 OpenAPI spec by
// scripts/schema/gen-schema.mjs (see core-v1.json's `about`). Only names and shapes: enough to find unknown
// fields and type mismatches the way the API server's decoder does.

import data from './core-v1.json'

export type Scalar = 'string' | 'int32' | 'int64' | 'float64' | 'bool' | 'bytes' | 'quantity' | 'intstr' | 'time' | 'any'

export type Shape =
  | { kind: 'scalar'; name: Scalar }
  | { kind: 'struct'; type: string }
  | { kind: 'list'; of: Shape }
  | { kind: 'map'; of: Shape }

export interface FieldSpec {
  shape: Shape
  /** What Go's reflect prints for the field's type in `json: cannot unmarshal ...` errors. */
  goType: string
}

export interface TypeSpec {
  /** The Go struct name, e.g. `PodSpec`. */
  go: string
  fields: ReadonlyMap<string, FieldSpec>
}

interface SchemaFile {
  kinds: Record<string, string>
  types: Record<string, { go: string; fields: Record<string, string> }>
}

const file = data as SchemaFile
const SCALARS = new Set<string>(['string', 'int32', 'int64', 'float64', 'bool', 'bytes', 'quantity', 'intstr', 'time', 'any'])

export function parseShape(text: string): Shape {
  if (text.startsWith('[]')) return { kind: 'list', of: parseShape(text.slice(2)) }
  if (text.startsWith('map[]')) return { kind: 'map', of: parseShape(text.slice(5)) }
  if (SCALARS.has(text)) return { kind: 'scalar', name: text as Scalar }
  if (!file.types[text]) throw new Error(`schema: unknown type ${text}`)
  return { kind: 'struct', type: text }
}

/** The Go type a shape implies when the generator recorded no other (mirrors impliedGoType there). */
export function impliedGoType(shape: Shape): string {
  switch (shape.kind) {
    case 'list':
      return '[]' + impliedGoType(shape.of)
    case 'map':
      return 'map[string]' + impliedGoType(shape.of)
    case 'struct':
      return 'v1.' + shape.type.split('.').pop()
    case 'scalar':
      return shape.name === 'bytes' ? '[]uint8' : shape.name
  }
}

const cache = new Map<string, TypeSpec>()

export function typeSpec(name: string): TypeSpec | undefined {
  const cached = cache.get(name)
  if (cached) return cached
  const raw = file.types[name]
  if (!raw) return undefined
  const fields = new Map<string, FieldSpec>()
  for (const [field, text] of Object.entries(raw.fields)) {
    const [shapeText = '', goType] = text.split(' ')
    const shape = parseShape(shapeText)
    fields.set(field, { shape, goType: goType ?? impliedGoType(shape) })
  }
  const spec = { go: raw.go, fields }
  cache.set(name, spec)
  return spec
}

/** The type name for a top-level kind, e.g. (`apps/v1`, `Deployment`) -> `apps.v1.Deployment`. */
export function typeForKind(apiVersion: string, kind: string): string | undefined {
  return file.kinds[`${apiVersion}/${kind}`]
}

export function knownKinds(): string[] {
  return Object.keys(file.kinds)
}
