// `kubectl config get-clusters --help`, byte for byte as kubectl 1.32.5 prints it (testdata/help/config-get-clusters.golden, recorded by
// scripts/golden/help.mjs). It lists flags Podlab does not honour yet: those answer "not supported by Podlab yet".

export const HELP = `Display clusters defined in the kubeconfig.

Examples:
  # List the clusters that kubectl knows about
  kubectl config get-clusters

Usage:
  kubectl config get-clusters [flags] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`
