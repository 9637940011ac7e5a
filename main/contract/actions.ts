// Issue 11 item 8: the actions a learner takes from the UI, each exactly one command line of the console (kubectl
// or podlab). The renderer sends the typed action; the door builds the line from it with `actionArgv` and runs it
// as the console runs a typed line, so a button cannot do anything its shown command would not. The renderer uses
// the same function to show (and copy) the command before it runs.
//
// Names are checked as the API server bounds them (apimachinery pkg/util/validation/validation.go: a pod, node or
// deployment name is a DNS-1123 subdomain of at most 253 characters; a namespace and a container name a DNS-1123
// label of at most 63), so no name can hold a space, a quote or a shell metacharacter: quoting is never needed,
// and `shellQuote` is there only so a line stays one word per argument if that ever changes.

import { DNS1123_LABEL, DNS1123_SUBDOMAIN, onlyKeys } from './check'

/** A pod action's target. */
export interface PodRef {
  namespace: string
  pod: string
}

export type Action =
  | ({ kind: 'delete-pod' } & PodRef)
  /**
   * `podlab chaos kill`: SIGKILL to the container's main process from outside, as the runtime does; without a
   * container, the one `kubectl exec` would pick (the default-container annotation, else the first).
   */
  | ({ kind: 'kill-container'; container?: string } & PodRef)
  /** `kubectl exec -it POD -- sh`: an interactive shell, run in the console's terminal (not by actions.run). */
  | ({ kind: 'exec'; container?: string } & PodRef)
  | { kind: 'stop-node'; node: string }
  | { kind: 'start-node'; node: string }
  | { kind: 'cordon'; node: string }
  | { kind: 'uncordon'; node: string }
  | { kind: 'drain'; node: string }
  | { kind: 'scale'; namespace: string; deployment: string; replicas: number }
  | { kind: 'set-image'; namespace: string; deployment: string; container: string; image: string }
  | { kind: 'rollout-undo'; namespace: string; deployment: string }
  | { kind: 'chaos-on'; ratePerMinute: number }
  | { kind: 'chaos-off' }

export type ActionKind = Action['kind']

export const ACTION_KINDS: readonly ActionKind[] = [
  'delete-pod',
  'kill-container',
  'exec',
  'stop-node',
  'start-node',
  'cordon',
  'uncordon',
  'drain',
  'scale',
  'set-image',
  'rollout-undo',
  'chaos-on',
  'chaos-off',
]

/** Actions that destroy or interrupt something: the UI asks before running them. */
export const DESTRUCTIVE_ACTIONS: readonly ActionKind[] = ['delete-pod', 'kill-container', 'stop-node', 'drain']

/**
 * Most replicas the scale dialog asks for. Kubernetes takes any int32; Podlab keeps one click from asking the
 * simulator for millions of pods (the console's `kubectl scale` is not bounded by this).
 */
export const MAX_ACTION_REPLICAS = 10_000
/** Random chaos's rate bounds, actions per virtual minute (the engine's own: chaos/random-mode.ts). */
export const MAX_CHAOS_RATE_PER_MINUTE = 600
/**
 * Longest image reference the set-image dialog takes, in characters: distribution/reference's NameTotalLengthMax
 * (255) plus a tag (128) or a digest.
 */
export const MAX_IMAGE_LENGTH = 512

// The characters of distribution/reference's grammar (names, tags, digests); the pull, not this check, says
// whether the reference is well formed (InvalidImageName), as the API server leaves it to the kubelet.
const imageRe = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/

const label = (what: string, v: unknown): string | null =>
  typeof v === 'string' && v.length <= 63 && DNS1123_LABEL.test(v) ? null : `${what} must be a DNS-1123 label (lower case letters, digits and '-', at most 63 characters)`
const subdomain = (what: string, v: unknown): string | null =>
  typeof v === 'string' && v.length <= 253 && DNS1123_SUBDOMAIN.test(v)
    ? null
    : `${what} must be a DNS-1123 subdomain (lower case letters, digits, '-' and '.', at most 253 characters)`

/** What is wrong with an action as it arrived from outside, or null. Never throws. */
export function actionProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'action must be an object'
  const a = value as Record<string, unknown>
  const pod = (extra: string[] = []) => onlyKeys(a, ['kind', 'namespace', 'pod', ...extra]) ?? label('namespace', a.namespace) ?? subdomain('pod', a.pod)
  const node = () => onlyKeys(a, ['kind', 'node']) ?? subdomain('node', a.node)
  const deployment = (extra: string[] = []) =>
    onlyKeys(a, ['kind', 'namespace', 'deployment', ...extra]) ?? label('namespace', a.namespace) ?? subdomain('deployment', a.deployment)
  switch (a.kind) {
    case 'delete-pod':
      return pod()
    case 'kill-container':
    case 'exec':
      return pod(['container']) ?? (a.container === undefined ? null : label('container', a.container))
    case 'stop-node':
    case 'start-node':
    case 'cordon':
    case 'uncordon':
    case 'drain':
      return node()
    case 'scale':
      return (
        deployment(['replicas']) ??
        (Number.isInteger(a.replicas) && (a.replicas as number) >= 0 && (a.replicas as number) <= MAX_ACTION_REPLICAS
          ? null
          : `replicas must be a whole number from 0 to ${MAX_ACTION_REPLICAS}`)
      )
    case 'set-image':
      return (
        deployment(['container', 'image']) ??
        label('container', a.container) ??
        (typeof a.image === 'string' && a.image.length <= MAX_IMAGE_LENGTH && imageRe.test(a.image)
          ? null
          : `image must be an image reference such as nginx:1.27 (letters, digits and . _ / : @ -, at most ${MAX_IMAGE_LENGTH} characters)`)
      )
    case 'rollout-undo':
      return deployment()
    case 'chaos-on':
      return (
        onlyKeys(a, ['kind', 'ratePerMinute']) ??
        (typeof a.ratePerMinute === 'number' && Number.isFinite(a.ratePerMinute) && a.ratePerMinute > 0 && a.ratePerMinute <= MAX_CHAOS_RATE_PER_MINUTE
          ? null
          : `ratePerMinute must be a number more than 0 and at most ${MAX_CHAOS_RATE_PER_MINUTE}`)
      )
    case 'chaos-off':
      return onlyKeys(a, ['kind'])
    default:
      return `kind must be one of ${ACTION_KINDS.join(', ')}`
  }
}

/**
 * The command an action equals, one argument per element, as `bin/podlab` and the console take it: kubectl's
 * own verbs and flags (`kubectl delete pod web -n default`), and podlab's for what kubectl cannot do (`podlab
 * chaos kill web -c nginx -n default`, `podlab node stop worker-1`, `podlab chaos random --rate 2`).
 */
export function actionArgv(action: Action): string[] {
  switch (action.kind) {
    case 'delete-pod':
      return ['kubectl', 'delete', 'pod', action.pod, '-n', action.namespace]
    case 'kill-container':
      return ['podlab', 'chaos', 'kill', action.pod, ...(action.container ? ['-c', action.container] : []), '-n', action.namespace]
    case 'exec':
      return ['kubectl', 'exec', '-it', action.pod, '-n', action.namespace, ...(action.container ? ['-c', action.container] : []), '--', 'sh']
    case 'stop-node':
      return ['podlab', 'node', 'stop', action.node]
    case 'start-node':
      return ['podlab', 'node', 'start', action.node]
    case 'cordon':
      return ['kubectl', 'cordon', action.node]
    case 'uncordon':
      return ['kubectl', 'uncordon', action.node]
    case 'drain':
      // The docs' drain (tasks/administer-cluster/safely-drain-node): DaemonSet pods would stop it otherwise.
      return ['kubectl', 'drain', action.node, '--ignore-daemonsets']
    case 'scale':
      return ['kubectl', 'scale', `deployment/${action.deployment}`, `--replicas=${action.replicas}`, '-n', action.namespace]
    case 'set-image':
      return ['kubectl', 'set', 'image', `deployment/${action.deployment}`, `${action.container}=${action.image}`, '-n', action.namespace]
    case 'rollout-undo':
      return ['kubectl', 'rollout', 'undo', `deployment/${action.deployment}`, '-n', action.namespace]
    case 'chaos-on':
      return ['podlab', 'chaos', 'random', '--rate', String(action.ratePerMinute)]
    case 'chaos-off':
      return ['podlab', 'chaos', 'stop']
  }
}

/** One argument as bash reads it back as itself: bare when it is only safe characters, else single-quoted. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9._/:@=,+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`
}

/** The command line an action equals, as the console runs it and the UI shows it. */
export function actionCommand(action: Action): string {
  return actionArgv(action).map(shellQuote).join(' ')
}
