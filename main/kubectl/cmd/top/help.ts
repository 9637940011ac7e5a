// `kubectl top --help`, byte for byte as kubectl 1.32.5 prints it (testdata/help/top.golden, recorded by
// scripts/golden/help.mjs). It lists flags Podlab does not honour yet: those answer "not supported by Podlab yet".

export const HELP = `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`
