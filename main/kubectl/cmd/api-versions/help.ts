// `kubectl api-versions --help`, byte for byte as kubectl 1.32.5 prints it (testdata/help/api-versions.golden, recorded by
// scripts/golden/help.mjs). It lists flags Podlab does not honour yet: those answer "not supported by Podlab yet".

export const HELP = `Print the supported API versions on the server, in the form of "group/version".

Examples:
  # Print the supported API versions
  kubectl api-versions

Usage:
  kubectl api-versions [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`
