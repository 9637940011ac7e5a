// Where a strategic merge patch finds each field's patch strategy and merge key (apimachinery strategicpatch's
// LookupPatchMeta), walked down the generated API schema from a top-level type.

import { fieldPatchMeta, schemaTypeName, typeSpec, type Shape } from '../schema'
import { StrategicPatchError } from './strategic-errors'

export interface FieldPatchMeta {
  /** e.g. [`merge`, `retainKeys`]; empty when the field has no x-kubernetes-patch-strategy. */
  strategies: readonly string[]
  /** `''` when the field has no x-kubernetes-patch-merge-key. */
  mergeKey: string
}

/** strategicpatch.LookupPatchMeta. `null` stands for "no schema below here": every field merges by default. */
export interface LookupPatchMeta {
  /** The schema and patch metadata of field `key`, whose value is an object. Throws StrategicPatchError. */
  lookupStruct(key: string): [LookupPatchMeta | null, FieldPatchMeta]
  /** The schema of the elements and the patch metadata of field `key`, whose value is a list. Throws StrategicPatchError. */
  lookupSlice(key: string): [LookupPatchMeta | null, FieldPatchMeta]
  name(): string
}

/** Resolves a struct type's field: its shape and patch metadata, undefined when the type has no such field. */
export type FieldResolver = (type: string, field: string) => (FieldPatchMeta & { shape: Shape }) | undefined

const NONE: FieldPatchMeta = { strategies: [], mergeKey: '' }

/** Patch metadata of a struct type over any field table (the generated schema, or a test's own). */
export class ShapeLookup implements LookupPatchMeta {
  constructor(
    private readonly shape: Shape,
    private readonly resolve: FieldResolver,
    /** The Go struct name for messages, e.g. `PodSpec`. */
    private readonly goName: (type: string) => string,
  ) {}

  name(): string {
    return this.shape.kind === 'struct' ? this.shape.type : this.shape.kind
  }

  lookupStruct(key: string): [LookupPatchMeta | null, FieldPatchMeta] {
    const field = this.field(key)
    return [this.at(field.shape), { strategies: field.strategies, mergeKey: field.mergeKey }]
  }

  lookupSlice(key: string): [LookupPatchMeta | null, FieldPatchMeta] {
    const field = this.field(key)
    // A field that is not a list (a pointer to a struct, as MergeItem.mergeItemPtr) gives its own type.
    const element = field.shape.kind === 'list' ? field.shape.of : field.shape
    return [this.at(element), { strategies: field.strategies, mergeKey: field.mergeKey }]
  }

  private field(key: string): FieldPatchMeta & { shape: Shape } {
    if (this.shape.kind !== 'struct') {
      throw new StrategicPatchError(`merging an object in json but data type is not struct, instead is: ${this.shape.kind}`)
    }
    const field = this.resolve(this.shape.type, key)
    if (!field) {
      throw new StrategicPatchError(`unable to find api field in struct ${this.goName(this.shape.type)} for the json field "${key}"`)
    }
    return field
  }

  /** Free-form values (RawExtension, FieldsV1) and scalars have no schema below them. */
  private at(shape: Shape): LookupPatchMeta | null {
    if (shape.kind === 'scalar') return null
    if (shape.kind === 'list' && shape.of.kind === 'scalar') return null
    return new ShapeLookup(shape, this.resolve, this.goName)
  }
}

/** The patch metadata of an API type from the generated schema: `io.k8s.api.core.v1.Pod` or `core.v1.Pod`. */
export function schemaPatchMeta(typeName: string): LookupPatchMeta {
  const type = schemaTypeName(typeName)
  if (!typeSpec(type)) throw new Error(`strategic merge patch: no schema for type ${typeName}`)
  return new ShapeLookup(
    { kind: 'struct', type },
    (t, f) => fieldPatchMeta(t, f),
    (t) => typeSpec(t)?.go ?? t,
  )
}

export { NONE as NO_PATCH_META }
