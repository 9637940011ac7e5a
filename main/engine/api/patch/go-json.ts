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

/** A decoded JSON object (Go's map[string]interface{}). */
export type JsonMap = Record<string, unknown>

export function isJsonMap(v: unknown): v is JsonMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

/** What reflect.TypeOf(v).String() gives for a value decoded by the API server (integers stay int64). */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (Array.isArray(v)) return '[]interface {}'
  switch (typeof v) {
    case 'string':
      return 'string'
    case 'boolean':
      return 'bool'
    case 'number':
      return Number.isInteger(v) ? 'int64' : 'float64'
    default:
      return 'map[string]interface {}'
  }
}

/**
 * fmt's `%v` of a decoded JSON value: `map[a:1 b:x]` (keys sorted), `[1 2]`, `<nil>`. With `floats`, numbers print as
 * the float64 that encoding/json decodes them to (`1e+06`); without, integers print as the int64 the API server keeps.
 */
export function goSprint(v: unknown, floats = false): string {
  if (v === null || v === undefined) return '<nil>'
  if (Array.isArray(v)) return `[${v.map((x) => goSprint(x, floats)).join(' ')}]`
  switch (typeof v) {
    case 'string':
      return v
    case 'boolean':
      return String(v)
    case 'number':
      return floats || !Number.isInteger(v) ? goFloat(v) : String(v)
    case 'object': {
      const m = v as JsonMap
      return `map[${Object.keys(m)
        .sort()
        .map((k) => `${k}:${goSprint(m[k], floats)}`)
        .join(' ')}]`
    }
    default:
      return String(v)
  }
}

/** strconv.FormatFloat(x, 'g', -1, 64), which `%v` uses: exponent form when the decimal exponent is < -4 or >= 6. */
function goFloat(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return x === 0 ? '0' : String(x)
  const [mantissa = '', expText = '0'] = x.toExponential().split('e')
  const exp = Number(expText)
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  return String(x)
}

/** Whether a decoded JSON object has its own field `key` (never one from Object.prototype). */
export function has(m: JsonMap, key: string): boolean {
  return Object.hasOwn(m, key)
}

/** Sets a field as Go's map assignment does, even one named `__proto__` (a plain assignment would set the prototype). */
export function put(m: JsonMap, key: string, value: unknown): void {
  if (key === '__proto__' && !Object.hasOwn(m, key)) {
    Object.defineProperty(m, key, { value, writable: true, enumerable: true, configurable: true })
  } else m[key] = value
}
