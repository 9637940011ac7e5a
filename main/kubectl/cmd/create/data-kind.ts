// What `create configmap` and `create secret generic` share beyond their sources (sources.ts): Complete, Validate
// (a name, env files alone) and Run, where the kind decides only how a key is checked and a value stored.

import type { KubeObject } from '../../../kube'
import type { ResourceRef } from '../../../engine'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { fail, type KubectlIO, type KubectlResult } from '../../io'
import type { Globals } from '../command'
import { completeSubcommand, runGenerated } from './create-options'
import { readEntries, sourcesOf, type Entry, type SourceOrder } from './sources'

/** The --from-* flags both have. */
export const SOURCE_FLAGS: FlagSpec[] = [
  { long: 'append-hash', type: 'bool', notYet: true },
  { long: 'from-env-file', type: 'stringSlice' },
  { long: 'from-file', type: 'stringSlice' },
  { long: 'from-literal', type: 'stringArray' },
]

export interface DataKind {
  path: string
  flags: FlagSpec[]
  ref: ResourceRef
  order: SourceOrder
  failurePrefix: string
  /** Checks an entry against those already taken; kubectl's refusal, or undefined after storing it in `data`. */
  add(data: Record<string, string>, entry: Entry, name: string): string | undefined
  /** The object, with `data` (left out when empty) where the kind keeps it. */
  build(name: string, namespace: string, data: Record<string, string> | undefined, flags: FlagValues): KubeObject
}

export function runDataKind(kind: DataKind, io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const completed = completeSubcommand(args, flags, globals, kind.path, kind.flags)
  if ('error' in completed) return fail(completed.error)
  const { name, settings } = completed
  const sources = sourcesOf(flags)
  // Validate.
  if (name === '') return fail('error: name must be specified\n')
  if (sources.envFiles.length > 0 && (sources.files.length > 0 || sources.literals.length > 0)) {
    return fail('error: from-env-file cannot be combined with from-file or from-literal\n')
  }
  const data: Record<string, string> = {}
  const refused = readEntries(io, sources, kind.order, (entry) => kind.add(data, entry, name))
  if (refused) return fail(refused)
  const object = kind.build(name, globals.explicitNamespace ? globals.namespace : '', Object.keys(data).length > 0 ? data : undefined, flags)
  return runGenerated(io, settings, { ref: kind.ref, object, namespace: globals.namespace, failurePrefix: kind.failurePrefix })
}
