// `kubectl annotate [--overwrite] (-f FILE | TYPE NAME | TYPE/NAME | TYPE -l SEL | TYPE --all) K=V ... K- [--list]
// [--resource-version=RV] [--dry-run=client] [-o yaml|json|name]`, after kubectl pkg/cmd/annotate/annotate.go
// (v0.32.5), over label's shared flow (../label/metadata-map.ts).

import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import type { KubectlIO, KubectlResult } from '../../io'
import type { Command, Globals } from '../command'
import { METADATA_FLAGS, runMetadataVerb, type MetadataVerb } from '../label/metadata-map'
import { parsePairs } from '../label/pairs'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [...METADATA_FLAGS, { long: 'field-manager', type: 'string', defValue: 'kubectl-annotate' }]

/** polymorphichelpers.ChangeCauseAnnotation: always overwritable. */
const CHANGE_CAUSE = 'kubernetes.io/change-cause'

const ANNOTATE: MetadataVerb = {
  field: 'annotations',
  pairType: 'annotation',
  parse: (pairs) => parsePairs(pairs, 'annotation'),
  // validateNoAnnotationOverwrites: every declared key in one sentence.
  noOverwrite(current, set) {
    const found = [...set.keys()].filter((k) => k !== CHANGE_CAUSE && k in current).map((k) => `'${k}' already has a value (${current[k]})`)
    return found.length === 0 ? undefined : `--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`
  },
  operation: () => 'annotated',
  printsServerAnswer: true,
  sayMissing: false,
  listing: 'Listing annotations for',
}

export const annotateCommand: Command = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  group: 'Settings Commands:',
  flags: FLAGS,
  help: HELP,
  run: (io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult => runMetadataVerb(ANNOTATE, io, args, flags, globals, FLAGS),
}
