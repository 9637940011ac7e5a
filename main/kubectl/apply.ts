// `kubectl apply -f FILE|-` (client-side apply), after kubectl pkg/cmd/apply/apply.go (v0.32.5): the file
// check of the resource builder, then apply-manifests.ts for each file; success lines on stdout, warnings and
// the errors on stderr in the order and shape kubectl's Run returns them.

import { applyDocuments } from './apply-manifests'
import { aggregate, checkErrText, type CliError } from './errors'
import type { FlagSpec, FlagValues } from './flags'
import { fail, InputTooLarge, ok, type KubectlIO, type KubectlResult } from './io'

export const APPLY_FLAGS: FlagSpec[] = [{ long: 'filename', short: 'f', type: 'stringArray' }]

interface ApplyOptions {
  sources: Array<{ name: string; text: string }>
  namespace: string
  enforceNamespace: boolean
}

export function runApply(io: KubectlIO, flags: FlagValues, namespace: string, explicitNamespace: boolean): KubectlResult {
  const completed = complete(io, flags, namespace, explicitNamespace)
  return 'error' in completed ? fail(completed.error) : run(io, completed)
}

function complete(io: KubectlIO, flags: FlagValues, namespace: string, explicit: boolean): ApplyOptions | { error: string } {
  const files = (flags.filename as string[] | undefined) ?? []
  if (files.length === 0) return { error: 'error: must specify one of -f and -k\n' }
  const sources: ApplyOptions['sources'] = []
  for (const name of files) {
    try {
      sources.push({ name, text: name === '-' ? io.readStdin() : io.readFile(name) })
    } catch (e) {
      // Too large for one request: nothing is applied, as the API server would refuse the body.
      if (e instanceof InputTooLarge) return { error: `Error from server (${e.reason}): ${e.message}\n` }
      if (name === '-') throw e
      return { error: `error: the path ${JSON.stringify(name)} does not exist\n` }
    }
  }
  return { sources, namespace, enforceNamespace: explicit }
}

function run(io: KubectlIO, o: ApplyOptions): KubectlResult {
  let stdout = ''
  let warnings = ''
  const visitErrors: CliError[] = []
  const applyErrors: CliError[] = []
  for (const source of o.sources) {
    const report = applyDocuments(io.engine, source.text, source.name, { namespace: o.namespace, enforceNamespace: o.enforceNamespace })
    for (const r of report.results) if (r.ok) stdout += `${r.line}\n`
    warnings += report.warnings.join('')
    visitErrors.push(...report.visitErrors)
    applyErrors.push(...report.applyErrors)
  }
  // apply.go Run: the builder's error (one, or an aggregate of several) comes first, then each apply error.
  const errs = [...(visitErrors.length === 1 ? visitErrors : visitErrors.length > 1 ? [aggregate(visitErrors)!] : []), ...applyErrors]
  if (errs.length === 0) return ok(stdout, warnings)
  return fail(warnings + checkErrText(errs.length === 1 ? errs[0]! : aggregate(errs)!), stdout)
}
