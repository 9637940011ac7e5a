// `kubectl cordon --help`, byte for byte as kubectl 1.32.5 prints it (testdata/help/cordon.golden, recorded by
// scripts/golden/help.mjs). It lists flags Podlab does not honour yet: those answer "not supported by Podlab yet".

export const HELP = `Mark node as unschedulable.

Examples:
  # Mark node "foo" as unschedulable
  kubectl cordon foo

Options:
    --dry-run='none':
	Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.

Usage:
  kubectl cordon NODE [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`
