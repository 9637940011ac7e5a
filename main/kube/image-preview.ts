// What the simulated registry says of one image reference (Engine.imagePreview), shared by the engine, the
// doors and the renderer's manifest preview.

export type ImagePreview =
  /** The kubelet refuses the reference before pulling (InvalidImageName), with its message. */
  | { image: string; verdict: 'invalid'; message: string }
  /** The registry has no such repository or tag: the pull fails with containerd's error (ErrImagePull). */
  | { image: string; verdict: 'missing'; reference: string; message: string }
  /**
   * The registry has it. `serves`: its default process runs until stopped (nginx); `exits`: it ends by itself
   * after `afterMs` (ms) with `exitCode` (busybox's `sh` with no terminal). `sizeBytes` as the Pulled event says.
   */
  | { image: string; verdict: 'serves' | 'exits'; reference: string; sizeBytes: number; afterMs?: number; exitCode?: number; entrypoint: string[]; cmd: string[] }
