// Issue 11 item 8: which actions a target offers, as data (ActionMenu lays them out). A target is what a row, a
// detail or a node box stands for; the action is built from it, and from what the learner types in the dialog
// (replicas, an image) for the actions that need it.

import { DESTRUCTIVE_ACTIONS, type Action, type ActionKind } from '../../../main/contract'

/**
 * What the menu acts on: a pod (its containers when the caller knows them: one kill and one shell item each),
 * a node, or a Deployment (its containers for `set image`).
 */
export type ActionTarget =
  | { kind: 'pod'; namespace: string; name: string; containers?: string[] }
  | { kind: 'node'; name: string }
  /** `replicas`: the Deployment's spec.replicas now, which the Scale dialog starts from (not 1: a click must not scale 3 down). */
  | { kind: 'deployment'; namespace: string; name: string; containers?: string[]; replicas?: number }

/** What the dialog asks for before the action can be built. */
export type ActionInput = { type: 'replicas'; current?: number } | { type: 'image'; containers: string[] } | { type: 'rate' }

export interface MenuItem {
  /** Unique within the menu (one item per container). */
  id: string
  kind: ActionKind
  /** The container an item is about, for its label. */
  container?: string
  /** Built at once, or from the dialog's input. */
  action: Action | ((input: { replicas?: number; container?: string; image?: string; ratePerMinute?: number }) => Action)
  input?: ActionInput
  /** Asks before running (delete, kill, stop node, drain). */
  confirm: boolean
}

const item = (id: string, action: Action, container?: string): MenuItem => ({
  id,
  kind: action.kind,
  action,
  confirm: DESTRUCTIVE_ACTIONS.includes(action.kind),
  ...(container ? { container } : {}),
})

/** The menu's items for `target`, in the order a learner reaches for them. */
export function menuItems(target: ActionTarget): MenuItem[] {
  if (target.kind === 'pod') {
    const ref = { namespace: target.namespace, pod: target.name }
    const containers = target.containers ?? []
    const perContainer = containers.length > 0 ? containers : [undefined]
    return [
      item('delete-pod', { kind: 'delete-pod', ...ref }),
      ...perContainer.map((c) => item(`kill-container/${c ?? ''}`, { kind: 'kill-container', ...ref, ...(c ? { container: c } : {}) }, c)),
      ...perContainer.map((c) => item(`exec/${c ?? ''}`, { kind: 'exec', ...ref, ...(c ? { container: c } : {}) }, c)),
    ]
  }
  if (target.kind === 'node') {
    const node = target.name
    return (['cordon', 'uncordon', 'drain', 'stop-node', 'start-node'] as const).map((kind) => item(kind, { kind, node }))
  }
  const ref = { namespace: target.namespace, deployment: target.name }
  const containers = target.containers ?? []
  return [
    {
      id: 'scale',
      kind: 'scale',
      input: { type: 'replicas', current: target.replicas },
      confirm: false,
      action: (input) => ({ kind: 'scale', ...ref, replicas: input.replicas ?? 1 }),
    },
    {
      id: 'set-image',
      kind: 'set-image',
      input: { type: 'image', containers },
      confirm: false,
      action: (input) => ({ kind: 'set-image', ...ref, container: input.container ?? containers[0] ?? '', image: input.image ?? '' }),
    },
    item('rollout-undo', { kind: 'rollout-undo', ...ref }),
  ]
}

/** The chaos-mode item (the Cluster view's header): a rate to ask for, then `podlab chaos random --rate R`. */
export const CHAOS_ON_ITEM: MenuItem = {
  id: 'chaos-on',
  kind: 'chaos-on',
  input: { type: 'rate' },
  confirm: false,
  action: (input) => ({ kind: 'chaos-on', ratePerMinute: input.ratePerMinute ?? 1 }),
}
