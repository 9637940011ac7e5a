// nodeaffinity.RequiredNodeAffinity (k8s.io/component-helpers/scheduling/corev1/nodeaffinity): spec.nodeSelector
// AND the required node affinity's terms, ORed. A term with no requirement matches nothing; a term that does
// not parse (unknown operator, Gt with a non-integer, a field other than metadata.name) is ignored, as
// upstream's LazyErrorNodeSelector does for backwards compatibility.
import type { Node } from '../../api/nodes/types'
import type { Pod } from '../../api/pods/types'
import { newRequirement, selectorFromSet, type Operator, type Requirement, type Selector } from '../../labels'
import { memo } from '../node-info'
import type { NodeSelectorRequirement, NodeSelectorTerm, Affinity } from '../types'

const LABEL_OPERATORS: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!', Gt: 'gt', Lt: 'lt' }

interface ParsedTerm {
  labels: Requirement[]
  /** metadata.name must equal (In) or differ from (NotIn) the value. */
  fields: Array<{ equal: boolean; value: string }>
  valid: boolean
}

function parseTerm(term: NodeSelectorTerm): ParsedTerm {
  const parsed: ParsedTerm = { labels: [], fields: [], valid: true }
  for (const expr of term.matchExpressions ?? []) {
    const op = LABEL_OPERATORS[expr.operator]
    try {
      if (op === undefined) throw new Error('unsupported operator')
      parsed.labels.push(newRequirement(expr.key, op, expr.values ?? []))
    } catch {
      parsed.valid = false
    }
  }
  for (const expr of term.matchFields ?? []) {
    const values = expr.values ?? []
    if (expr.key !== 'metadata.name' || (expr.operator !== 'In' && expr.operator !== 'NotIn') || values.length !== 1) parsed.valid = false
    else parsed.fields.push({ equal: expr.operator === 'In', value: values[0] ?? '' })
  }
  return parsed
}

function termMatches(term: ParsedTerm, node: Node): boolean {
  if (!term.valid || term.labels.length + term.fields.length === 0) return false
  const labels = node.metadata.labels ?? {}
  const name = node.metadata.name ?? ''
  return term.labels.every((r) => r.matches(labels)) && term.fields.every((f) => (name === f.value) === f.equal)
}

/** Parsed NodeSelectorTerms (ORed); a node matches when any term does. */
export interface NodeSelector {
  matches(node: Node): boolean
}

export function nodeSelectorOf(terms: readonly NodeSelectorTerm[]): NodeSelector {
  const parsed = terms.map(parseTerm)
  return { matches: (node) => parsed.some((t) => termMatches(t, node)) }
}

/** One preferred term's matcher (nodeaffinity.PreferredSchedulingTerms). */
export const preferredTermMatches = (term: NodeSelectorTerm, node: Node): boolean => termMatches(parseTerm(term), node)

export const affinityOf = (pod: Pod): Affinity | undefined => (pod.spec.affinity ?? undefined) as Affinity | undefined

export interface RequiredNodeAffinity {
  /** True when the pod has neither a nodeSelector nor required node affinity terms. */
  readonly none: boolean
  matches(node: Node): boolean
}

/** GetRequiredNodeAffinity(pod): computed once per pod object. */
export const requiredNodeAffinity: (pod: Pod) => RequiredNodeAffinity = memo((pod: Pod) => {
  const nodeSelector = pod.spec.nodeSelector ?? {}
  const labelSelector: Selector | undefined = Object.keys(nodeSelector).length > 0 ? selectorFromSet(nodeSelector) : undefined
  const required = affinityOf(pod)?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  const affinity = required ? nodeSelectorOf(required.nodeSelectorTerms ?? []) : undefined
  return {
    none: !labelSelector && !affinity,
    matches: (node: Node) => (!labelSelector || labelSelector.matches(node.metadata.labels ?? {})) && (!affinity || affinity.matches(node)),
  }
})

export type { NodeSelectorRequirement }
