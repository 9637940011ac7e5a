// describe.go's ResourceDescriber, as Podlab's describers take it: the engine (its API server), the settings of
// `--show-events` / `--chunk-size`, and the cluster's now (kubectl ages events by the local wall clock; Podlab's
// clock is the cluster's virtual one).

import type { Engine } from '../../../engine'

export interface DescriberSettings {
  showEvents: boolean
  chunkSize: number
}

export interface DescribeContext {
  engine: Engine
  settings: DescriberSettings
  /** The cluster clock's now, in ms since the epoch. */
  nowMs: number
}

/** Describes one object: the text kubectl prints for it. Throws the engine's ApiError (NotFound...). */
export type Describer = (ctx: DescribeContext, namespace: string, name: string) => string
