// How long the node takes for each step of a pod's start and stop, as data (KWOK's stages idea): tuned to
// what a kind cluster on a laptop shows, so that `kubectl get pods -w` reads like a real one.

export const TIMINGS = {
  /** Scheduled -> sandbox created and networking configured (PodReadyToStartContainers). */
  sandboxMs: 1_000,
  /** A pull of an image whose layers the node already has (imagePullPolicy: Always): a manifest check. */
  cachedPullMs: 700,
  /** A pull that fails because the repository does not exist: the registry answers quickly. */
  failedPullMs: 1_400,
  /** After ErrImagePull, the pod worker's next sync finds the image back-off and reports ImagePullBackOff. */
  resyncAfterErrorMs: 1_000,
  /** Image pull back-off: 10s doubling to 300s (kubelet backOffPeriod / MaxContainerBackOff). */
  backOffInitialMs: 10_000,
  backOffMaxMs: 300_000,
  /** A sync that failed (CreateContainerConfigError) is tried again after wait.Jitter(10s, 0.5): pod_workers.go. */
  syncErrorBackOffMs: 10_000,
  syncErrorJitter: 0.5,
  /** A volume whose SetUp failed is tried again after 500ms, doubling to 2m2s (exponentialbackoff). */
  mountRetryInitialMs: 500,
  mountRetryMaxMs: 122_000,
}
