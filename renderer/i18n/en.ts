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
  nav: {
    label: 'Views',
    cluster: 'Cluster',
    workloads: 'Workloads',
    pods: 'Pods',
    events: 'Events & history',
    console: 'Console',
    shortcut: 'Shortcut: {key}',
  },
  theme: {
    label: 'Theme',
    hint: 'Light or dark; System follows your computer',
    system: 'System',
    light: 'Light',
    dark: 'Dark',
  },
  zoom: {
    label: 'Zoom',
    hint: 'Presenter zoom: everything larger, for a projector',
  },
  split: {
    frame: 'Resize the view and the console',
    cluster: 'Resize the manifest and the pods',
  },
  shortcuts: {
    open: 'Keyboard shortcuts',
    title: 'Keyboard shortcuts',
    closeButton: 'Close',
    views: 'Go to a view (Cluster, Workloads, Pods, Events & history, Console)',
    viewsAnywhere: 'Go to a view, even while typing in the console or the editor',
    console: 'Type in the console',
    clock: 'Play or pause the virtual clock',
    theme: 'Switch between light and dark',
    zoom: 'Presenter zoom: larger, smaller, back to 100%',
    apply: 'Apply the manifest (in the editor)',
    help: 'Show this list',
    close: 'Close a dialog',
  },
  workloads: {
    title: 'Deployments, ReplicaSets and Jobs will be listed here',
    body: 'With forms for a Pod, a Deployment or a Job that stay in step with the YAML. Podlab does not show them here yet.',
    next: {
      apply: 'Write and apply a manifest in the Cluster view',
      console: 'or list them in the console below:',
    },
  },
  podsView: {
    detailSoon: 'Clicking a pod will open its details, events, logs and timeline here. For now, in the console:',
  },
  events: {
    title: 'Events and the cluster’s history will be here',
    body: 'Every change and every Event as a table to filter and search, linked to each pod’s timeline. Podlab does not show them here yet.',
    next: {
      console: 'In the console below, list the Events:',
      describe: 'or read one pod’s Events at the end of',
    },
  },
  connection: {
    connecting: 'Connecting to the cluster…',
    reconnecting: 'The connection to the cluster was lost. Reconnecting…',
    closed: 'Not connected to a cluster.',
    offlineAction: 'Not connected: available again once the connection to the cluster is back.',
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
    offline: 'Offline: typing resumes when the connection is back',
    welcome: 'Podlab console: type kubectl as on a real cluster, e.g. {examples} (Ctrl+C stops it). Type help.',
  },
}

export type MessageSchema = typeof en
export default en
