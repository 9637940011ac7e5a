// `kubectl top node --help`, byte for byte as kubectl 1.32.5 prints it (testdata/help/top-node.golden, recorded by
// scripts/golden/help.mjs). It lists flags Podlab does not honour yet: those answer "not supported by Podlab yet".

export const HELP = `Display resource (CPU/memory) usage of nodes.

 The top-node command allows you to see the resource consumption of nodes.

Aliases:
node, nodes, no

Examples:
  # Show metrics for all nodes
  kubectl top node
  
  # Show metrics for a given node
  kubectl top node NODE_NAME

Options:
    --no-headers=false:
	If present, print output without headers

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.

    --show-capacity=false:
	Print node resources based on Capacity instead of Allocatable(default) of the nodes.

    --sort-by='':
	If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'.

    --use-protocol-buffers=true:
	Enables using protocol-buffers to access Metrics API.

Usage:
  kubectl top node [NAME | -l label] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`
