// The Kubernetes protobuf schema the door decodes request bodies with: the vendored generated.proto files of
// k8s.io/api and k8s.io/apimachinery (./proto, README.md there), parsed by protobufjs into one Root, and the Go
// struct facts the .proto files do not carry (./proto/go-fields.json). Loaded on the first protobuf body only:
// protobufjs, the .proto texts and the table are separate chunks, so a door that never sees protobuf (every
// kubectl before 1.32) pays nothing for them.

import type { Root, Type } from 'protobufjs'

/** One field of a Go struct, in the struct's (json.Marshal's) order; see ./proto/README.md. */
export interface GoField {
  /** The .proto field name. */
  proto: string
  /** The JSON name ('' for an inline struct, whose fields are the parent's). */
  json: string
  inline: boolean
  /** A Go pointer: a zero value on the wire was set by the client and stays. */
  pointer: boolean
  /** No `omitempty`: json.Marshal prints the zero value. */
  keepZero: boolean
}

export interface ProtoSchema {
  root: Root
  /** The Go fields of a message, by its full name without the leading dot (`k8s.io.api.apps.v1.Deployment`). */
  goFields(messageName: string): readonly GoField[] | undefined
  /** The message type of a full name, or undefined. */
  lookupType(messageName: string): Type | undefined
}

const PROTO_TEXTS = import.meta.glob('./proto/**/*.proto', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>

let loading: Promise<ProtoSchema> | undefined

/**
 * The schema, parsed once (later calls share the first's promise). Rejects only when the vendored files are
 * broken (a packaging fault, not a client's).
 */
export function protoSchema(): Promise<ProtoSchema> {
  loading ??= load()
  return loading
}

async function load(): Promise<ProtoSchema> {
  const [loaded, table] = await Promise.all([import('protobufjs'), import('./proto/go-fields.json')])
  // A CommonJS package: Node's import() gives its exports as `default`, the bundler's interop as the namespace.
  const protobuf = (loaded as unknown as { default?: typeof loaded }).default ?? loaded
  const { Root, parse } = protobuf
  const root = new Root()
  for (const path of Object.keys(PROTO_TEXTS).sort()) {
    // keepCase: the Kubernetes names are already the JSON ones (`generateName`, FieldsV1's `Raw`).
    parse(await (PROTO_TEXTS[path] as () => Promise<string>)(), root, { keepCase: true })
  }
  root.resolveAll()
  const raw = table.default as unknown as Record<string, string[]>
  const parsed = new Map<string, GoField[]>()
  return {
    root,
    goFields(name) {
      const cached = parsed.get(name)
      if (cached) return cached
      const entries = raw[name]
      if (!entries) return undefined
      const fields = entries.map(goField)
      parsed.set(name, fields)
      return fields
    },
    lookupType(name) {
      const found = root.lookup(name)
      return found instanceof protobuf.Type ? found : undefined
    },
  }
}

/** `replicas*`, `containerPort!`, `volumeSource~`, `raw=-!` (go-fields.json's notation) as a GoField. */
function goField(entry: string): GoField {
  const flags = /[*!~]*$/.exec(entry)?.[0] ?? ''
  const [proto = '', renamed] = entry.slice(0, entry.length - flags.length).split('=')
  const inline = flags.includes('~')
  return { proto, json: inline ? '' : (renamed ?? proto), inline, pointer: flags.includes('*'), keepZero: flags.includes('!') }
}
