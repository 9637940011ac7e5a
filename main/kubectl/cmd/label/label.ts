// `kubectl label [--overwrite] (-f FILE | TYPE NAME | TYPE/NAME | TYPE -l SEL | TYPE --all) K=V ... K- [--list]
// [--resource-version=RV] [--dry-run=client] [-o yaml|json|name]`, after kubectl pkg/cmd/label/label.go (v0.32.5).
// The shared flow (GET, merge patch, print) is ./metadata-map.ts; here are label's own parsing and words.

import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import type { KubectlIO, KubectlResult } from '../../io'
import type { Command, Globals } from '../command'
import { HELP } from './help'
import { METADATA_FLAGS, runMetadataVerb, type MetadataVerb } from './metadata-map'

const FLAGS: FlagSpec[] = [...METADATA_FLAGS, { long: 'field-manager', type: 'string', defValue: 'kubectl-label' }]

/** validation.LabelValueMaxLength and IsValidLabelValue's pattern (apimachinery util/validation). */
const LABEL_VALUE_MAX = 63
const LABEL_VALUE_FMT = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?'

/** IsValidLabelValue: its error strings (none for a valid value). */
function labelValueErrors(value: string): string[] {
  const errs: string[] = []
  if (value.length > LABEL_VALUE_MAX) errs.push(`must be no more than ${LABEL_VALUE_MAX} characters`)
  if (!new RegExp(`^${LABEL_VALUE_FMT}$`).test(value)) {
    errs.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
        `(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '${LABEL_VALUE_FMT}')`,
    )
  }
  return errs
}

/** label.go parseLabels: K=V (exactly one `=`, a valid value) or K-; anything else is an unknown spec. */
function parseLabels(pairs: string[]): { set: Map<string, string>; remove: string[] } | { error: string } {
  const set = new Map<string, string>()
  const remove: string[] = []
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=')
      if (parts.length !== 2) return { error: `invalid label spec: ${spec}` }
      const errs = labelValueErrors(parts[1]!)
      if (errs.length > 0) return { error: `invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}` }
      set.set(parts[0]!, parts[1]!)
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1))
    else return { error: `unknown label spec: ${spec}` }
  }
  return { set, remove }
}

const LABEL: MetadataVerb = {
  field: 'labels',
  pairType: 'label',
  parse: parseLabels,
  // validateNoOverwrites: one error per key that has a value (an aggregate when several).
  noOverwrite(current, set) {
    const errs = [...set.keys()].filter((k) => k in current).map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`)
    return errs.length === 0 ? undefined : errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`
  },
  // updateDataChangeMsg: "unlabeled" when the JSON got shorter without --overwrite.
  operation(before, after, overwrite) {
    if (before === after) return 'not labeled'
    return !overwrite && after.length < before.length ? 'unlabeled' : 'labeled'
  },
  printsServerAnswer: false,
  sayMissing: true,
  listing: 'Listing labels for',
}

export const labelCommand: Command = {
  name: 'label',
  short: 'Update the labels on a resource',
  group: 'Settings Commands:',
  flags: FLAGS,
  help: HELP,
  run: (io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult => runMetadataVerb(LABEL, io, args, flags, globals, FLAGS),
}
