// ValidateJob / ValidateJobUpdate / the status update's checks (kubernetes v1.32 pkg/apis/batch/validation/
// validation.go), with upstream's field paths, wording and order. Values Go prints with %#v (maps, label
// selectors) are rendered as Go prints them; a whole pod template is shortened to its type name.

import { goQuote, goStringMap, type GoLiteral } from '../../../gostd/gofmt'
import type { FieldError } from '../errors'
import { child, duplicate, index, invalid, key, notSupported, required } from '../field'
import { validateObjectMeta } from '../meta/objectmeta'
import { isDNS1123Label, isQualifiedName } from '../meta/validation'
import { nameIsDNSSubdomain } from '../meta/names'
import { validatePodTemplateSpec } from '../pods/validation/pod-template'
import { validateObjectMetaUpdate } from '../pods/validation/update'
import { deepEqual } from '../patch/strategic-merge'
import { selectorFromLabelSelector, validateLabelSelector, type LabelSelector } from '../../labels'
import { CONTROLLER_UID_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL } from './labels'
import type { Job, JobSpec, PodFailurePolicyRule } from './types'

const MAX_PARALLELISM_FOR_INDEXED_JOB = 100_000
const MAX_FAILED_INDEXES_FOR_INDEXED_JOB = 100_000
const COMPLETIONS_SOFT_LIMIT = 100_000
const PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS = 10_000
const MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS = 10_000
const MAX_POD_FAILURE_POLICY_RULES = 20
const MAX_ON_EXIT_CODES_VALUES = 255
const MAX_ON_POD_CONDITIONS_PATTERNS = 20

// sets.List order (sorted), as upstream prints them.
const ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore']
const OPERATORS = ['In', 'NotIn']
const CONDITION_STATUSES = ['False', 'True', 'Unknown']
const REPLACEMENT_POLICIES = ['Failed', 'TerminatingOrFailed']

const NONNEGATIVE = 'must be greater than or equal to 0'
const quotedList = (values: readonly string[]) => `[${values.map(goQuote).join(' ')}]`

/** field.Invalid with field.OmitValueType: the body has no value. */
const invalidOmitValue = (field: string, detail: string): FieldError => ({ field, type: 'FieldValueInvalid', body: `Invalid value: ${detail}` })
/** field.TooMany. */
const tooMany = (field: string, actual: number, max: number): FieldError => ({
  field,
  type: 'FieldValueTooMany',
  body: `Too many: ${actual}: must have at most ${max} items`,
})

const nonnegative = (value: number | undefined, path: string): FieldError[] => (value != null && value < 0 ? [invalid(path, value, NONNEGATIVE)] : [])

/** %#v of a metav1.LabelSelector. */
function goLabelSelector(s: LabelSelector): GoLiteral {
  const labels = s.matchLabels ? goStringMap(s.matchLabels).go : 'map[string]string(nil)'
  const exprs = s.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${s.matchExpressions
        .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${e.values ? `[]string{${e.values.map(goQuote).join(', ')}}` : '[]string(nil)'}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)'
  return { go: `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}` }
}

const labelsValue = (labels: Record<string, string> | undefined): GoLiteral => (labels ? goStringMap(labels) : { go: 'map[string]string(nil)' })

/** selector.Matches(labels), or undefined when the selector does not convert (its errors are reported elsewhere). */
function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string>): boolean | undefined {
  try {
    return selectorFromLabelSelector(selector).matches(labels)
  } catch {
    return undefined
  }
}

/** ValidateHasLabel. */
function validateHasLabel(labels: Record<string, string> | undefined, path: string, name: string, expected: string): FieldError[] {
  const field = key(child(path, 'labels'), name)
  const actual = labels?.[name]
  if (actual === undefined) return [required(field, expected)]
  return actual === expected ? [] : [invalid(field, labelsValue(labels), `must be '${expected}'`)]
}

/** validateGeneratedSelector: a generated selector selects exactly the labels generateSelector put on the template. */
function validateGeneratedSelector(job: Job, requirePrefixedLabels: boolean): FieldError[] {
  if (job.spec.manualSelector === true || !job.spec.selector) return []
  const errs: FieldError[] = []
  const uid = job.metadata.uid ?? ''
  const name = job.metadata.name ?? ''
  if (!uid) errs.push(required('metadata.uid'))
  const labels = job.spec.template?.metadata?.labels
  const path = 'spec.template.metadata'
  errs.push(...validateHasLabel(labels, path, LEGACY_CONTROLLER_UID_LABEL, uid), ...validateHasLabel(labels, path, LEGACY_JOB_NAME_LABEL, name))
  const expected: Record<string, string> = {}
  if (requirePrefixedLabels) {
    errs.push(...validateHasLabel(labels, path, CONTROLLER_UID_LABEL, uid), ...validateHasLabel(labels, path, JOB_NAME_LABEL, name))
    expected[CONTROLLER_UID_LABEL] = uid
    expected[JOB_NAME_LABEL] = name
  }
  expected[LEGACY_CONTROLLER_UID_LABEL] = uid
  expected[LEGACY_JOB_NAME_LABEL] = name
  if (selectorMatches(job.spec.selector, expected) === false) {
    errs.push(invalid('spec.selector', goLabelSelector(job.spec.selector), '`selector` not auto-generated'))
  }
  return errs
}

/**
 * ValidateJob: the Job's metadata (a DNS subdomain name), its generated selector, its spec, and for an Indexed
 * Job a name that still makes valid pod hostnames. `requirePrefixedLabels` is false only on an update of a Job
 * made before the prefixed labels existed.
 */
export function validateJob(job: Job, requirePrefixedLabels = true): FieldError[] {
  const errs = validateObjectMeta(job.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain })
  errs.push(...validateGeneratedSelector(job, requirePrefixedLabels), ...validateJobSpecWithSelector(job.spec ?? ({} as JobSpec), 'spec'))
  const { completionMode, completions } = job.spec ?? {}
  if (completionMode === 'Indexed' && completions != null && completions > 0) {
    const hostname = `${job.metadata.name ?? ''}-${completions - 1}`
    if (isDNS1123Label(hostname).length > 0) {
      errs.push(invalid('metadata.name', job.metadata.name ?? '', `will not able to create pod with invalid DNS label: ${hostname}`))
    }
  }
  return errs
}

/** ValidateJobSpec: the spec's own rules, then the selector and whether it selects the template's labels. */
function validateJobSpecWithSelector(spec: JobSpec, path: string): FieldError[] {
  const errs = validateJobSpec(spec, path)
  if (!spec.selector) errs.push(required(child(path, 'selector')))
  else errs.push(...validateLabelSelector(spec.selector, child(path, 'selector')))
  const labels = spec.template?.metadata?.labels
  if (spec.selector && selectorMatches(spec.selector, labels ?? {}) === false) {
    errs.push(invalid(child(path, 'template', 'metadata', 'labels'), labelsValue(labels), '`selector` does not match template `labels`'))
  }
  return errs
}

function validateJobSpec(spec: JobSpec, path: string): FieldError[] {
  const at = (...names: string[]) => child(path, ...names)
  const errs: FieldError[] = [
    ...nonnegative(spec.parallelism, at('parallelism')),
    ...nonnegative(spec.completions, at('completions')),
    ...nonnegative(spec.activeDeadlineSeconds, at('activeDeadlineSeconds')),
    ...nonnegative(spec.backoffLimit, at('backoffLimit')),
    ...nonnegative(spec.ttlSecondsAfterFinished, at('ttlSecondsAfterFinished')),
    ...nonnegative(spec.backoffLimitPerIndex, at('backoffLimitPerIndex')),
  ]
  if (spec.maxFailedIndexes != null) {
    errs.push(...nonnegative(spec.maxFailedIndexes, at('maxFailedIndexes')))
    if (spec.backoffLimitPerIndex == null) errs.push(required(at('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'))
  }
  const mode = spec.completionMode
  if (mode != null) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(at('completionMode'), mode, ['NonIndexed', 'Indexed']))
    if (mode === 'Indexed') errs.push(...validateIndexedLimits(spec, at))
  }
  if (mode == null || mode === 'NonIndexed') {
    if (spec.backoffLimitPerIndex != null) errs.push(invalid(at('backoffLimitPerIndex'), spec.backoffLimitPerIndex, 'requires indexed completion mode'))
    if (spec.maxFailedIndexes != null) errs.push(invalid(at('maxFailedIndexes'), spec.maxFailedIndexes, 'requires indexed completion mode'))
  }
  if (spec.podFailurePolicy) errs.push(...validatePodFailurePolicy(spec, at('podFailurePolicy')))
  errs.push(...validatePodReplacementPolicy(spec, at('podReplacementPolicy')))
  errs.push(...validatePodTemplateSpec(spec.template ?? { spec: { containers: [] } }, at('template')))
  // An unset restartPolicy would have been defaulted to Always, so both mean the same here.
  const restart = spec.template?.spec?.restartPolicy ?? ''
  const restartPath = at('template', 'spec', 'restartPolicy')
  if (restart === 'Always' || restart === '') errs.push(required(restartPath, 'valid values: "OnFailure", "Never"'))
  else if (restart !== 'OnFailure' && restart !== 'Never') errs.push(notSupported(restartPath, restart, ['OnFailure', 'Never']))
  else if (spec.podFailurePolicy && restart !== 'Never') errs.push(invalid(restartPath, restart, 'only "Never" is supported when podFailurePolicy is specified'))
  return errs
}

function validateIndexedLimits(spec: JobSpec, at: (...names: string[]) => string): FieldError[] {
  const errs: FieldError[] = []
  const { completions, parallelism, maxFailedIndexes } = spec
  if (completions == null) errs.push(required(at('completions'), 'when completion mode is Indexed'))
  if (parallelism != null && parallelism > MAX_PARALLELISM_FOR_INDEXED_JOB) {
    errs.push(invalid(at('parallelism'), parallelism, `must be less than or equal to ${MAX_PARALLELISM_FOR_INDEXED_JOB} when completion mode is Indexed`))
  }
  if (completions != null && maxFailedIndexes != null && maxFailedIndexes > completions) {
    errs.push(invalid(at('maxFailedIndexes'), maxFailedIndexes, 'must be less than or equal to completions'))
  }
  if (maxFailedIndexes != null && maxFailedIndexes > MAX_FAILED_INDEXES_FOR_INDEXED_JOB) {
    errs.push(invalid(at('maxFailedIndexes'), maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES_FOR_INDEXED_JOB}`))
  }
  if (completions != null && completions > COMPLETIONS_SOFT_LIMIT && spec.backoffLimitPerIndex != null) {
    const high = `when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`
    if (maxFailedIndexes == null) errs.push(required(at('maxFailedIndexes'), `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`))
    if (parallelism != null && parallelism > PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS) {
      errs.push(invalid(at('parallelism'), parallelism, `must be less than or equal to ${PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS} ${high}`))
    }
    if (maxFailedIndexes != null && maxFailedIndexes > MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS) {
      errs.push(invalid(at('maxFailedIndexes'), maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS} ${high}`))
    }
  }
  return errs
}

function validatePodReplacementPolicy(spec: JobSpec, path: string): FieldError[] {
  const policy = spec.podReplacementPolicy
  if (policy == null) return []
  if (spec.podFailurePolicy) return policy === 'Failed' ? [] : [notSupported(path, policy, ['Failed'])]
  return REPLACEMENT_POLICIES.includes(policy) ? [] : [notSupported(path, policy, REPLACEMENT_POLICIES)]
}

function validatePodFailurePolicy(spec: JobSpec, path: string): FieldError[] {
  const rules = spec.podFailurePolicy?.rules ?? []
  const rulesPath = child(path, 'rules')
  const errs: FieldError[] = []
  if (rules.length > MAX_POD_FAILURE_POLICY_RULES) errs.push(tooMany(rulesPath, rules.length, MAX_POD_FAILURE_POLICY_RULES))
  const containerNames = new Set([...(spec.template?.spec?.containers ?? []), ...(spec.template?.spec?.initContainers ?? [])].map((c) => c.name))
  rules.forEach((rule, i) => errs.push(...validateRule(spec, rule, index(rulesPath, i), containerNames)))
  return errs
}

function validateRule(spec: JobSpec, rule: PodFailurePolicyRule, path: string, containerNames: Set<string>): FieldError[] {
  const errs: FieldError[] = []
  const actionPath = child(path, 'action')
  if (!rule.action) errs.push(required(actionPath, `valid values: ${quotedList(ACTIONS)}`))
  else if (rule.action === 'FailIndex') {
    if (spec.backoffLimitPerIndex == null) errs.push(invalid(actionPath, rule.action, 'requires the backoffLimitPerIndex to be set'))
  } else if (!ACTIONS.includes(rule.action)) errs.push(notSupported(actionPath, rule.action, ACTIONS))
  const onExitCodes = rule.onExitCodes
  const patterns = rule.onPodConditions ?? []
  if (onExitCodes) errs.push(...validateOnExitCodes(onExitCodes, child(path, 'onExitCodes'), containerNames))
  if (patterns.length > 0) {
    const patternsPath = child(path, 'onPodConditions')
    if (patterns.length > MAX_ON_POD_CONDITIONS_PATTERNS) errs.push(tooMany(patternsPath, patterns.length, MAX_ON_POD_CONDITIONS_PATTERNS))
    patterns.forEach((p, j) => {
      const at = index(patternsPath, j)
      for (const msg of isQualifiedName(p.type ?? '')) errs.push(invalid(child(at, 'type'), p.type ?? '', msg))
      if (!p.status) errs.push(required(child(at, 'status'), `valid values: ${quotedList(CONDITION_STATUSES)}`))
      else if (!CONDITION_STATUSES.includes(p.status)) errs.push(notSupported(child(at, 'status'), p.status, CONDITION_STATUSES))
    })
  }
  if (onExitCodes && patterns.length > 0) errs.push(invalidOmitValue(path, 'specifying both OnExitCodes and OnPodConditions is not supported'))
  if (!onExitCodes && patterns.length === 0) errs.push(invalidOmitValue(path, 'specifying one of OnExitCodes and OnPodConditions is required'))
  return errs
}

function validateOnExitCodes(req: NonNullable<PodFailurePolicyRule['onExitCodes']>, path: string, containerNames: Set<string>): FieldError[] {
  const errs: FieldError[] = []
  const operatorPath = child(path, 'operator')
  if (!req.operator) errs.push(required(operatorPath, `valid values: ${quotedList(OPERATORS)}`))
  else if (!OPERATORS.includes(req.operator)) errs.push(notSupported(operatorPath, req.operator, OPERATORS))
  if (req.containerName != null && !containerNames.has(req.containerName)) {
    errs.push(invalid(child(path, 'containerName'), req.containerName, 'must be one of the container or initContainer names in the pod template'))
  }
  const values = req.values ?? []
  const valuesPath = child(path, 'values')
  const goValues: GoLiteral = { go: `[]int32{${values.join(', ')}}` }
  if (values.length === 0) errs.push(invalid(valuesPath, req.values ? goValues : { go: '[]int32(nil)' }, 'at least one value is required'))
  else if (values.length > MAX_ON_EXIT_CODES_VALUES) errs.push(tooMany(valuesPath, values.length, MAX_ON_EXIT_CODES_VALUES))
  const seen = new Set<number>()
  let ordered = true
  values.forEach((v, j) => {
    if (req.operator === 'In' && v === 0) errs.push(invalid(index(valuesPath, j), v, 'must not be 0 for the In operator'))
    if (seen.has(v)) errs.push(duplicate(index(valuesPath, j), v))
    else seen.add(v)
    if (j > 0 && values[j - 1]! > v) ordered = false
  })
  if (!ordered) errs.push(invalid(valuesPath, goValues, 'must be ordered'))
  return errs
}

/** apiequality.Semantic.DeepEqual over decoded JSON (unset fields dropped first). */
const same = (a: unknown, b: unknown) => deepEqual(withoutUndefined(a), withoutUndefined(b))

/** ValidateImmutableField, the value printed as Go prints it where that is short. */
function immutable(path: string, next: unknown, prev: unknown, value: () => string | number | GoLiteral | null): FieldError[] {
  return same(next, prev) ? [] : [invalid(path, value(), 'field is immutable')]
}

/**
 * ValidateJobUpdate after ValidateJob: metadata updates, and the fields a Job keeps for its life (completions
 * unless Indexed, selector, template, completionMode, podFailurePolicy, backoffLimitPerIndex). A suspended Job that never started
 * may change its template's scheduling directives, labels and annotations (AllowMutableSchedulingDirectives).
 */
export function validateJobUpdate(job: Job, old: Job): FieldError[] {
  const oldLabels = old.spec.template?.metadata?.labels ?? {}
  const requirePrefixed = JOB_NAME_LABEL in oldLabels && CONTROLLER_UID_LABEL in oldLabels
  const spec = job.spec
  const prev = old.spec
  const errs = [...validateJob(job, requirePrefixed), ...validateObjectMetaUpdate(job.metadata, old.metadata)]
  errs.push(
    ...validateCompletionsUpdate(spec, prev),
    ...immutable('spec.selector', spec.selector, prev.selector, () => (spec.selector ? goLabelSelector(spec.selector) : null)),
    ...validateTemplateUpdate(job, old),
    ...immutable('spec.completionMode', spec.completionMode, prev.completionMode, () => spec.completionMode ?? null),
    ...immutable('spec.podFailurePolicy', spec.podFailurePolicy, prev.podFailurePolicy, () => ({ go: 'batch.PodFailurePolicy{...}' })),
    ...immutable('spec.backoffLimitPerIndex', spec.backoffLimitPerIndex, prev.backoffLimitPerIndex, () => spec.backoffLimitPerIndex ?? null),
  )
  return errs
}

/**
 * validateCompletions with ElasticIndexedJob (GA, on in 1.32): an Indexed Job may change completions together
 * with parallelism (to the same value); any other Job keeps them.
 */
function validateCompletionsUpdate(spec: JobSpec, prev: JobSpec): FieldError[] {
  const path = 'spec.completions'
  if (spec.completionMode !== 'Indexed') return immutable(path, spec.completions, prev.completions, () => spec.completions ?? null)
  if (same(spec.completions, prev.completions) || spec.completions == null) return []
  return spec.completions === spec.parallelism ? [] : [invalid(path, spec.completions, 'can only be modified in tandem with spec.parallelism')]
}

function validateTemplateUpdate(job: Job, old: Job): FieldError[] {
  const template = job.spec.template
  let oldTemplate = old.spec.template
  const mutableScheduling = old.spec.suspend === true && !old.status?.startTime
  if (mutableScheduling && template && oldTemplate) {
    const { nodeSelector, tolerations, schedulingGates, affinity } = template.spec
    const oldAffinity = oldTemplate.spec.affinity as Record<string, unknown> | undefined
    let nextAffinity: unknown = oldAffinity
    if (affinity == null && oldAffinity != null) {
      const { nodeAffinity: _n, ...rest } = oldAffinity
      nextAffinity = Object.keys(rest).length === 0 ? undefined : rest
    } else if (affinity != null) {
      nextAffinity = { ...oldAffinity, nodeAffinity: (affinity as Record<string, unknown>).nodeAffinity }
    }
    oldTemplate = {
      metadata: { ...oldTemplate.metadata, labels: template.metadata?.labels, annotations: template.metadata?.annotations },
      spec: { ...oldTemplate.spec, nodeSelector, tolerations, schedulingGates, affinity: nextAffinity } as typeof oldTemplate.spec,
    }
  }
  return immutable('spec.template', template, oldTemplate, () => ({ go: 'core.PodTemplateSpec{...}' }))
}

const withoutUndefined = (v: unknown): unknown => JSON.parse(JSON.stringify(v ?? null))

/** ValidateJobUpdateStatus's always-on checks: metadata, and counts that are never negative. */
export function validateJobStatusUpdate(job: Job, old: Job): FieldError[] {
  const status = job.status ?? {}
  return [
    ...validateObjectMetaUpdate(job.metadata, old.metadata),
    ...nonnegative(status.active ?? 0, 'status.active'),
    ...nonnegative(status.succeeded ?? 0, 'status.succeeded'),
    ...nonnegative(status.failed ?? 0, 'status.failed'),
    ...nonnegative(status.ready, 'status.ready'),
    ...nonnegative(status.terminating, 'status.terminating'),
  ]
}
