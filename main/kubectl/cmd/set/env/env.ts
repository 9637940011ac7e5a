// `kubectl set env (-f FILE | TYPE NAME | TYPE/NAME | TYPE -l SEL | TYPE --all) [-c C] KEY=VAL ... KEY- [-e KEY=VAL]
// [--list] [--overwrite=false]`, after kubectl pkg/cmd/set/set_env.go and pkg/cmd/set/env/env_parse.go (v0.32.5):
// each selected container's env updated in place (a new value where the name was, new names after), an emptied
// env dropped; `env updated`. --list prints each container's env as `# Kind name, container c` and NAME=value.
//
// Not supported yet: --from, --keys, --prefix, --resolve, and `-` (env from stdin).

import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { plain } from '../../../errors'
import { fail, type KubectlIO, type KubectlResult } from '../../../io'
import type { Command, Globals } from '../../command'
import { envVarNameErrors } from '../../create/sources'
import { resourcesAndPairs } from '../../label/pairs'
import { podSpecOf, selectContainers, type Container } from '../pod-spec'
import { SET_FLAGS, runSet, setSettings } from '../set-flow'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  ...SET_FLAGS,
  { long: 'containers', short: 'c', type: 'string', defValue: '*' },
  { long: 'env', short: 'e', type: 'stringArray' },
  { long: 'from', type: 'string', notYet: true },
  { long: 'keys', type: 'stringSlice', notYet: true },
  { long: 'list', type: 'bool' },
  { long: 'overwrite', type: 'bool', defValue: true },
  { long: 'prefix', type: 'string', notYet: true },
  { long: 'resolve', type: 'bool', notYet: true },
]

export const setEnvCommand: Command = {
  name: 'env',
  short: 'Update environment variables on a pod template',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: runSetEnv,
}

type EnvVar = NonNullable<Container['env']>[number]

/** envutil.ParseEnv: NAME=VALUE (a valid name) and NAME-, in kubectl's words. */
function parseEnv(specs: string[]): { env: EnvVar[]; remove: string[] } | { error: string } {
  const env: EnvVar[] = []
  const remove: string[] = []
  for (const spec of specs) {
    const at = spec.indexOf('=')
    if (at > 0) {
      const name = spec.slice(0, at)
      const errs = envVarNameErrors(name)
      if (errs.length > 0) return { error: `${JSON.stringify(name)} is not a valid key name: ${errs.join(';')}` }
      env.push({ name, value: spec.slice(at + 1) })
    } else if (spec.endsWith('-') && spec !== '-') remove.push(spec.slice(0, -1))
    else if (spec === '-') return { error: notYetText('reading environment variables from stdin (-)') }
    else return { error: `unexpected environment argument: ${spec}` }
  }
  return { env, remove }
}

const notYetText = (what: string) => `${what} is not supported by Podlab yet`

/** updateEnv: existing names kept in place (removed or replaced), new ones appended once. */
function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const covered = new Set(remove)
  const out: EnvVar[] = []
  for (const e of existing) {
    if (covered.has(e.name)) continue
    const newer = env.find((n) => n.name === e.name)
    if (newer) covered.add(e.name)
    out.push(newer ?? e)
  }
  for (const e of env) {
    if (covered.has(e.name)) continue
    covered.add(e.name)
    out.push(e)
  }
  return out
}

function runSetEnv(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const settings = setSettings(flags)
  if ('error' in settings) return fail(settings.error)
  const split = resourcesAndPairs(args, 'environment')
  if ('error' in split) return fail(`error: ${split.error}\n`)
  const parsed = parseEnv([...split.pairs, ...((flags.env as string[] | undefined) ?? [])])
  if ('error' in parsed) return fail(`error: ${parsed.error}\n`)
  const pattern = (flags.containers as string | undefined) ?? '*'
  const overwrite = flags.overwrite !== false
  return runSet(
    {
      operation: 'env updated',
      list: flags.list === true ? (object, ref) => listEnv(object.metadata.name ?? '', ref.kind, selectContainers(podSpecOf(object)?.containers ?? [], pattern)) : undefined,
      apply(object, ref) {
        for (const c of selectContainers(podSpecOf(object)?.containers ?? [], pattern)) {
          if (!overwrite) {
            const taken = parsed.env.find((e) => (c.env ?? []).some((x) => x.name === e.name))
            if (taken) {
              const value = c.env!.find((x) => x.name === taken.name)!.value ?? ''
              return { errors: [plain(`${ref.resource}/${object.metadata.name} '${taken.name}' already has a value (${value}), and --overwrite is false`)], skip: true }
            }
          }
          const env = updateEnv(c.env ?? [], parsed.env, parsed.remove)
          if (env.length > 0) c.env = env
          else delete c.env
        }
        return { errors: [] }
      },
    },
    io,
    split.resources,
    flags,
    globals,
    FLAGS,
  )
}

/** --list: each container's variables, a `valueFrom` one as a comment naming its source. */
function listEnv(name: string, kind: string, containers: Container[]): string {
  let out = ''
  for (const c of containers) {
    out += `# ${kind} ${name}, container ${c.name}\n`
    for (const e of c.env ?? []) {
      if (e.valueFrom) out += `# ${e.name} from a source Podlab lists only by name\n`
      else out += `${e.name}=${e.value ?? ''}\n`
    }
  }
  return out
}
