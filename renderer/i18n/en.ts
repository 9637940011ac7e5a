// English UI strings. kubectl's output and Kubernetes' own words (Pod, Running, STATUS, `kubectl apply`)
// are not UI strings: they are shown exactly as Kubernetes prints them, in every language.

const en = {
  app: {
    tagline: 'A Kubernetes cluster on your desk',
  },
  clock: {
    label: 'Virtual time',
    utc: 'UTC',
    play: 'Play',
    pause: 'Pause',
    playHint: 'Let the virtual clock run',
    pauseHint: 'Stop the virtual clock',
    speed: 'Speed',
    speedHint: 'Virtual seconds per real second',
    advance: 'Advance',
    advance10s: '+10s',
    advance1m: '+1m',
    advance10sHint: 'Move the clock forward by 10 seconds',
    advance1mHint: 'Move the clock forward by 1 minute',
    manual: 'manual',
    error: 'The clock did not answer: {message}',
  },
  language: {
    label: 'Language',
  },
  kubeconfig: {
    label: 'kubeconfig',
    copy: 'Copy',
    copyHint: 'Copy the kubeconfig path',
    copied: 'Copied',
    copyFailed: 'Could not copy: select the path',
    hint: 'Use your own kubectl on this cluster:',
  },
  connection: {
    connecting: 'Connecting to the cluster…',
    reconnecting: 'The connection to the cluster was lost. Reconnecting…',
    closed: 'Not connected to a cluster.',
  },
  editor: {
    title: 'Manifest',
    hint: 'Write or paste YAML, then apply it. Ctrl+Enter applies too.',
    placeholder: 'Paste a manifest here (YAML)',
    label: 'Manifest editor (YAML)',
    apply: 'Apply',
    applying: 'Applying…',
  },
  output: {
    title: 'Output',
    empty: 'What kubectl answers appears here.',
  },
  pods: {
    title: 'Pods',
    namespace: 'Namespace',
    allNamespaces: 'all namespaces',
    loading: 'Loading…',
    error: 'Could not list pods: {message}',
  },
  consoleEdit: {
    title: 'kubectl edit',
    hint: 'Change the object and save; kubectl patches what changed. Lines starting with # are ignored. Escape cancels.',
    label: 'kubectl edit: the object (YAML)',
    save: 'Save',
    cancel: 'Cancel',
  },
  console: {
    title: 'Console',
    hint: 'kubectl as on a real cluster. Ctrl+C stops a watch; type help.',
    label: 'Console: type kubectl commands',
    welcome: 'Podlab console: type kubectl as on a real cluster, e.g. {examples} (Ctrl+C stops it). Type help.',
  },
}

export type MessageSchema = typeof en
export default en
