// `kubectl top pod --help`, byte for byte as kubectl 1.32.5 prints it (testdata/help/top-pod.golden, recorded by
// scripts/golden/help.mjs). It lists flags Podlab does not honour yet: those answer "not supported by Podlab yet".

export const HELP = `Display resource (CPU/memory) usage of pods.

 The 'top pod' command allows you to see the resource consumption of pods.

 Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.

Aliases:
pod, pods, po

Examples:
  # Show metrics for all pods in the default namespace
  kubectl top pod
  
  # Show metrics for all pods in the given namespace
  kubectl top pod --namespace=NAMESPACE
  
  # Show metrics for a given pod and its containers
  kubectl top pod POD_NAME --containers
  
  # Show metrics for the pods defined by label name=myLabel
  kubectl top pod -l name=myLabel

Options:
    -A, --all-namespaces=false:
	If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.

    --containers=false:
	If present, print usage of containers within a pod.

    --field-selector='':
	Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.

    --no-headers=false:
	If present, print output without headers.

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.

    --sort-by='':
	If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'.

    --sum=false:
	Print the sum of the resource usage

    --use-protocol-buffers=true:
	Enables using protocol-buffers to access Metrics API.

Usage:
  kubectl top pod [NAME | -l label] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`
