// How `kubectl auth can-i --list` turns a SelfSubjectRulesReview into its table, after kubectl pkg/util/rbac
// (BreakdownRule, CompactRules, SortableRuleSlice), pkg/describe CombineResourceGroup and pkg/cmd/auth/cani.go
// printAccess (v0.32.5).

import { Tabwriter } from '../../../../gostd/tabwriter'

/** rbac/v1 PolicyRule (fields in its protobuf String() order). */
export interface PolicyRule {
  verbs: string[]
  apiGroups: string[]
  resources: string[]
  resourceNames: string[]
  nonResourceURLs: string[]
}

/** authorization/v1 SubjectRulesReviewStatus as the API server answers it. */
export interface RulesReviewStatus {
  resourceRules: Array<{ verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[] }>
  nonResourceRules: Array<{ verbs: string[]; nonResourceURLs?: string[] }>
}

const rule = (r: Partial<PolicyRule>): PolicyRule => ({ verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r })

/** convertToPolicyRule: resource rules, then non-resource rules. */
function toPolicyRules(status: RulesReviewStatus): PolicyRule[] {
  return [
    ...status.resourceRules.map((r) => rule({ verbs: r.verbs, apiGroups: r.apiGroups ?? [], resources: r.resources ?? [], resourceNames: r.resourceNames ?? [] })),
    ...status.nonResourceRules.map((r) => rule({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs ?? [] })),
  ]
}

/** BreakdownRule: one rule per group x resource x verb (x resource name), and per non-resource URL x verb. */
function breakdown(r: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = []
  for (const group of r.apiGroups) {
    for (const resource of r.resources) {
      for (const verb of r.verbs) {
        if (r.resourceNames.length > 0) for (const name of r.resourceNames) out.push(rule({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] }))
        else out.push(rule({ apiGroups: [group], resources: [resource], verbs: [verb] }))
      }
    }
  }
  for (const url of r.nonResourceURLs) for (const verb of r.verbs) out.push(rule({ nonResourceURLs: [url], verbs: [verb] }))
  return out
}

/**
 * CompactRules: rules of one group and one resource (and at most one resource name) are merged, their verbs
 * appended in order; the others are kept as they are. (Go appends the merged ones in map order; the stable sort
 * that follows makes that order unseen.)
 */
function compact(rules: PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = []
  const simple = new Map<string, PolicyRule>()
  for (const r of rules) {
    const isSimple = r.resourceNames.length <= 1 && r.nonResourceURLs.length === 0 && r.apiGroups.length === 1 && r.resources.length === 1
    if (!isSimple) {
      out.push(r)
      continue
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames.length > 0, r.resourceNames[0] ?? ''])
    const existing = simple.get(key)
    if (existing) existing.verbs = [...existing.verbs, ...r.verbs]
    else simple.set(key, { ...r, verbs: [...r.verbs] })
  }
  return [...out, ...simple.values()]
}

/** Go's %v of a []string: `[a b]`. */
const list = (s: string[]) => `[${s.join(' ')}]`

/** The generated rbac/v1 PolicyRule.String(), which SortableRuleSlice compares (bytewise). */
function ruleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${list(r.verbs)},APIGroups:${list(r.apiGroups)},Resources:${list(r.resources)},ResourceNames:${list(r.resourceNames)},NonResourceURLs:${list(r.nonResourceURLs)},}`
}

/** describe.CombineResourceGroup: `resource.group[/subresource]` of the first resource and group. */
function combineResourceGroup(resources: string[], groups: string[]): string {
  if (resources.length === 0) return ''
  const [resource, sub] = resources[0]!.split(/\/(.*)/s, 2) as [string, string | undefined]
  let out = resource
  if (groups.length > 0 && groups[0] !== '') out += `.${groups[0]}`
  if (sub !== undefined) out += `/${sub}`
  return out
}

/** printStatus's table: the rules broken down, compacted, sorted, one a line (headers unless noHeaders). */
export function accessTable(status: RulesReviewStatus, noHeaders: boolean): string {
  const rules = compact(toPolicyRules(status).flatMap(breakdown))
  const keyed = rules.map((r, i) => ({ r, key: ruleString(r), i }))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
  const w = new Tabwriter()
  if (!noHeaders) w.write('Resources\tNon-Resource URLs\tResource Names\tVerbs\n')
  for (const { r } of keyed) w.write(`${combineResourceGroup(r.resources, r.apiGroups)}\t${list(r.nonResourceURLs)}\t${list(r.resourceNames)}\t${list(r.verbs)}\n`)
  return w.flush()
}
