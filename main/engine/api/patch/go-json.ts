// How Go's encoding/json names a JSON value's kind in `json: cannot unmarshal <kind> into Go value of type T`.

/** `object`, `array`, `string`, `number`, `bool` or `null`, as encoding/json's UnmarshalTypeError says. */
export function goJsonKind(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'array'
  switch (typeof value) {
    case 'string':
      return 'string'
    case 'number':
    case 'bigint':
      return 'number'
    case 'boolean':
      return 'bool'
    default:
      return 'object'
  }
}
