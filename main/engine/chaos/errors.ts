// Why a chaos operation was refused, typed (a door switches on `reason`, never on the text). Where kubectl has
// words for the same refusal (a container name that is not in the pod), the message is kubectl's.

export type ChaosRefusal =
  /** -c names no container of the pod (kubectl's podcmd words). */
  | 'ContainerNotFound'
  /** The container has no running instance to signal. */
  | 'NotRunning'
  /** The pod has ended (Succeeded or Failed): nothing of it runs. */
  | 'PodCompleted'
  /** The pod is not on a node yet. */
  | 'NotScheduled'
  /** The pod's node is powered off (`podlab node stop`): none of its containers runs, whatever its status says. */
  | 'NodeStopped'
  /** --signal names no signal. */
  | 'BadSignal'
  /** A rate, size or duration out of range. */
  | 'BadValue'
  /** No container runtime is wired into this cluster to reach containers through. */
  | 'NoRuntime'
  /** `chaos stop` with no random chaos running. */
  | 'NotRandom'

export class ChaosRefused extends Error {
  constructor(
    readonly reason: ChaosRefusal,
    message: string,
  ) {
    super(message)
    this.name = 'ChaosRefused'
  }
}

export function isChaosRefused(e: unknown): e is ChaosRefused {
  return e instanceof ChaosRefused
}
