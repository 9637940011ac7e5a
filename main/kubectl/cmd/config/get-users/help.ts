// `kubectl config get-users --help`, byte for byte as kubectl 1.32.5 prints it (testdata/help/config-get-users.golden, recorded by
// scripts/golden/help.mjs). It lists flags Podlab does not honour yet: those answer "not supported by Podlab yet".

export const HELP = `Display users defined in the kubeconfig.

Examples:
  # List the users that kubectl knows about
  kubectl config get-users

Usage:
  kubectl config get-users [flags] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`
