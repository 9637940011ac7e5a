// The pod `kubectl exec` and `kubectl attach` act on, after kubectl pkg/polymorphichelpers
// attachablepodforobject.go (v0.32.5): the pod named, or for a workload the most active of the pods it selects
// (sort.Reverse(ActivePods)), waiting up to --pod-running-timeout for one.

import type { KubeObject } from '../../../kube'
import { checkErrText } from '../../errors'
import type { KubectlIO } from '../../io'
import { buildVisits } from '../../resource/builder'
import { activePods, NoPodForObject, podsForObject, type PodLike } from '../logs/pod-for-object'

/** A builder error already in kubectl's words. */
export class BuilderError extends Error {
  readonly reason = 'BuilderError' as const
  constructor(readonly text: string) {
    super(text)
    this.name = 'BuilderError'
  }
}

/**
 * The pod for `args` (`POD`, `TYPE/NAME`, or `TYPE NAME`; a bare name is a pod's). Throws BuilderError,
 * NoPodForObject (`cannot <verb> into multiple objects at a time` ...) and the engine's ApiError.
 */
export function attachablePod(io: KubectlIO, args: string[], namespace: string, timeoutMs: number, verb: 'exec' | 'attach'): PodLike {
  const built = buildVisits(io, {
    namespace,
    enforceNamespace: false,
    allNamespaces: false,
    filenames: [],
    selectAll: false,
    allowEmptySelector: false,
    args: args.length === 1 && !args[0]!.includes('/') ? [`pods/${args[0]}`] : args,
  })
  if ('stderr' in built) throw new NoPodForObject(built.stderr.replace(/^error: /, '').replace(/\n$/, ''))
  if ('error' in built) throw new BuilderError(checkErrText(built.error))
  const visit = built.visits[0]!
  if (visit.kind !== 'named') throw new NoPodForObject(`cannot ${verb} into multiple objects at a time`)
  const object: KubeObject = io.engine.get(visit.ref.resource, visit.namespace, visit.name, visit.ref.group)
  if (object.kind === 'Pod') return object as PodLike
  // sort.Reverse(ActivePods): the most active first.
  return podsForObject(io, object, (a, b) => activePods(b, a), timeoutMs, 'cannot attach to')[0]!
}
