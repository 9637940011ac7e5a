// `kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]` and `--list`, after kubectl
// pkg/cmd/auth/cani.go (v0.32.5): Complete -> Validate -> RunAccessCheck / RunAccessList. Podlab's API server
// authorizes everything, as kind's kubernetes-admin (bound to cluster-admin) is: every access review is allowed,
// and the rules review answers that user's rules (../admin-rules.json).

import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { resourceForArg } from '../../../mapping'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../../io'
import type { Command } from '../../command'
import adminRules from '../admin-rules.json'
import { HELP } from './help'
import { accessTable, type RulesReviewStatus } from './rules'

const FLAGS: FlagSpec[] = [
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'subresource', type: 'string' },
  { long: 'list', type: 'bool' },
  { long: 'no-headers', type: 'bool' },
]

/** cani.go resourceVerbs and nonResourceURLVerbs: the verbs it does not warn about. */
const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'])
const NON_RESOURCE_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'])
/** cani.go nonStandardResourceNames: names the RBAC API knows that no API server serves. */
const NON_STANDARD_RESOURCES = new Set(['users', 'groups'])

export const authCanICommand: Command = {
  name: 'can-i',
  short: 'Check whether an action is allowed',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: runCanI,
}

function runCanI(io: KubectlIO, args: string[], flags: FlagValues): KubectlResult {
  const list = flags.list === true
  const quiet = flags.quiet === true
  const allNamespaces = flags['all-namespaces'] === true
  const subresource = (flags.subresource as string | undefined) ?? ''
  let warnings = ''
  const warn = (message: string) => (warnings += `Warning: ${message}\n`)

  // Complete.
  let nonResourceURL = ''
  let resource: { resource: string; group: string; namespaced?: boolean; known: boolean } | undefined
  if (list) {
    if (args.length !== 0) return fail('error: list option must be specified with no arguments\n')
  } else {
    if (args.length !== 2) {
      return fail("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n")
    }
    if (args[1]!.startsWith('/')) nonResourceURL = args[1]!
    else resource = resourceFor(io, args[1]!.split('/')[0]!, warn)
  }
  const verb = args[0] ?? ''

  // Validate.
  if (list) {
    if (quiet || allNamespaces || subresource !== '') return fail("error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n")
    return ok(accessTable(adminRules as RulesReviewStatus, flags['no-headers'] === true))
  }
  if (nonResourceURL !== '') {
    if (subresource !== '') return fail(`${warnings}error: --subresource can not be used with NonResourceURL\n`)
    if (!NON_RESOURCE_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb\n`)
  } else if (resource && resource.resource !== '' && !allNamespaces) {
    if (resource.known && resource.namespaced === false) {
      warn(resource.group === '' ? `resource '${resource.resource}' is not namespace scoped\n` : `resource '${resource.resource}' is not namespace scoped in group '${resource.group}'\n`)
    }
    if (!RESOURCE_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb\n`)
  }
  if (flags['no-headers'] === true) return fail(`${warnings}error: --no-headers cannot be set without --list specified\n`)

  // RunAccessCheck: Podlab's authorizer allows every request.
  return ok(quiet ? '' : 'yes\n', warnings)
}

/** resourceFor: the RESTMapper's resource for the argument, with cani.go's warning when there is none. */
function resourceFor(io: KubectlIO, arg: string, warn: (m: string) => void): { resource: string; group: string; namespaced?: boolean; known: boolean } {
  if (arg === '*') return { resource: '*', group: '', known: false }
  const ref = resourceForArg(io.engine, arg)
  if (ref) return { resource: ref.resource, group: ref.group, namespaced: ref.namespaced, known: true }
  // schema.ParseResourceArg's group resource: `widgets.example.com` is resource widgets in group example.com.
  const lower = arg.toLowerCase()
  const dot = lower.indexOf('.')
  const resource = dot < 0 ? lower : lower.slice(0, dot)
  const group = dot < 0 ? '' : lower.slice(dot + 1)
  if (!NON_STANDARD_RESOURCES.has(dot < 0 ? resource : `${resource}.${group}`)) {
    warn(group === '' ? `the server doesn't have a resource type '${resource}'\n` : `the server doesn't have a resource type '${resource}' in group '${group}'\n`)
  }
  return { resource: arg, group: '', known: false }
}
