// What one probe run says (pkg/probe/probe.go Result) and what a worker keeps (pkg/kubelet/prober/results
// results_manager.go Result), as Kubernetes 1.32 names them.

/** pkg/probe Result: a run's verdict. `warning` is a success with something to say (ProbeWarning). */
export type ProbeOutcome = 'success' | 'warning' | 'failure' | 'unknown'

/** One run of a probe: its verdict, its output (the event's text), or an error (the prober could not probe). */
export interface ProbeRun {
  outcome: ProbeOutcome
  output: string
  /** Set when the probe errored (upstream's err != nil): the result is thrown away. */
  error?: string
}

/** results.Result: what the results manager holds for a container and probe type. */
export type Result = 'Success' | 'Failure' | 'Unknown'

export const run = (outcome: ProbeOutcome, output = ''): ProbeRun => ({ outcome, output })
export const errored = (error: string): ProbeRun => ({ outcome: 'unknown', output: '', error })
