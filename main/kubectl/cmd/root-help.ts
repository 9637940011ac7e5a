// `kubectl --help`: the real root help's layout (kubectl pkg/cmd/cmd.go's command groups, cobra's usage
// template), listing only the commands Podlab has, and saying so on the last line.

import type { Command } from './command'

/** The root command's groups, in the order the real kubectl 1.32 lists them. */
const GROUPS = [
  'Basic Commands (Beginner):',
  'Basic Commands (Intermediate):',
  'Deploy Commands:',
  'Cluster Management Commands:',
  'Troubleshooting and Debugging Commands:',
  'Advanced Commands:',
  'Settings Commands:',
  'Other Commands:',
]

/** cobra's NamePadding for kubectl's root: its longest command name (hidden ones too) sets the column. */
const NAME_PADDING = 15

export const PODLAB_NOTE = "Podlab's kubectl has only these commands yet; see https://kubernetes.io/docs/reference/kubectl/\n"

/** The root help text for these commands (each listed under its group, in the order given). */
export function rootHelp(commands: readonly Command[]): string {
  const groups = GROUPS.map((title) => {
    const members = commands.filter((c) => c.group === title)
    return members.length === 0 ? '' : `${title}\n${members.map((c) => `  ${c.name.padEnd(NAME_PADDING)} ${c.short}\n`).join('')}\n`
  })
  return (
    'kubectl controls the Kubernetes cluster manager.\n\n' +
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n' +
    groups.join('') +
    'Usage:\n  kubectl [flags] [options]\n\n' +
    'Use "kubectl <command> --help" for more information about a given command.\n' +
    'Use "kubectl options" for a list of global command-line options (applies to all commands).\n' +
    PODLAB_NOTE
  )
}
