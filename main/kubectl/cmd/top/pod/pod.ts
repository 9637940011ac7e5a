// `kubectl top pod [NAME | -l label] [-A] [--containers] [--sort-by=cpu|memory] [--no-headers] [--sum]`, after
// kubectl pkg/cmd/top/top_pod.go (v0.32.5): Complete -> Validate -> RunTopPod over metrics.k8s.io PodMetrics.
// When no pod has metrics yet, the pods are looked at as verifyEmptyMetrics does: one older than two minutes
// is `Metrics not available for pod default/x, age: 2m10s`, else `metrics not available yet`.

import type { KubeObject } from '../../../../kube'
import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { goDuration } from '../../../../gostd/go-duration'
import { checkErrText, fromThrown } from '../../../errors'
import { fail, type KubectlIO, type KubectlResult } from '../../../io'
import { usageError } from '../../create/create-options'
import { flagNotYet, notYetError, type Command, type Globals } from '../../command'
import { printPodMetrics, type PodMetrics } from '../metrics-printer'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'containers', type: 'bool' },
  { long: 'field-selector', type: 'string', notYet: true },
  { long: 'no-headers', type: 'bool' },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'sort-by', type: 'string' },
  { long: 'sum', type: 'bool' },
  { long: 'use-protocol-buffers', type: 'bool', defValue: true },
]

const METRICS_GROUP = 'metrics.k8s.io'
/** top_pod.go metricsCreationDelay: a pod this old (ms) should have metrics. */
const METRICS_CREATION_DELAY_MS = 120_000

export const topPodCommand: Command = {
  name: 'pod',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: runTopPod,
}

function runTopPod(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return fail(notYetError(notYet))
  if (args.length > 1) return fail(usageError('kubectl top pod', 'pod [NAME | -l label]'))
  const name = args[0] ?? ''
  const sortBy = (flags['sort-by'] as string | undefined) ?? ''
  const selector = (flags.selector as string | undefined) ?? ''
  const allNamespaces = flags['all-namespaces'] === true
  // Validate.
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') return fail('error: --sort-by accepts only cpu or memory\n')
  if (name !== '' && selector !== '') return fail('error: only one of NAME or selector can be provided\n')

  const namespace = allNamespaces ? undefined : globals.namespace
  let stderr = ''
  let metrics: PodMetrics[]
  try {
    // getMetricsFromMetricsAPI: a GET for a name (in the namespace even with -A: ns "" is then every namespace).
    metrics = (name !== '' ? [io.engine.get('pods', namespace, name, METRICS_GROUP)] : io.engine.list('pods', namespace, selector ? { labelSelector: selector } : undefined, METRICS_GROUP).items) as unknown as PodMetrics[]
    if (metrics.length === 0) {
      const why = verifyEmptyMetrics(io, globals.namespace, name, selector)
      if (why) return fail(why)
      stderr = allNamespaces ? 'No resources found\n' : `No resources found in ${globals.namespace} namespace.\n`
    }
  } catch (e) {
    return fail(checkErrText(fromThrown(e)))
  }
  const stdout = printPodMetrics(metrics, {
    containers: flags.containers === true,
    withNamespace: allNamespaces,
    noHeaders: flags['no-headers'] === true,
    sortBy,
    sum: flags.sum === true,
  })
  return { stdout, stderr, exitCode: 0 }
}

/** verifyEmptyMetrics: why there are no metrics, or undefined when there is no pod to have them. Throws ApiError. */
function verifyEmptyMetrics(io: KubectlIO, namespace: string, name: string, selector: string): string | undefined {
  const pods: KubeObject[] = name !== '' ? [io.engine.get('pods', namespace, name)] : io.engine.list('pods', namespace, selector ? { labelSelector: selector } : undefined).items
  if (name === '' && pods.length === 0) return undefined
  const nowMs = io.engine.clock().nowMs
  for (const pod of pods) {
    const age = nowMs - Date.parse(pod.metadata.creationTimestamp ?? '')
    if (age > METRICS_CREATION_DELAY_MS) return `error: Metrics not available for pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}, age: ${goDuration(age)}\n`
  }
  return 'error: metrics not available yet\n'
}
