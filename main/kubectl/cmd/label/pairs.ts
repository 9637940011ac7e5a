// cmdutil.GetResourcesAndPairs and ParsePairs (kubectl pkg/cmd/util/helpers.go, v0.32.5): the arguments of
// label, annotate and set env split into resources and KEY=VALUE / KEY- pairs, in kubectl's words.

/** A KEY=VALUE or KEY- argument (not one starting with `=`, not a lone `-`). */
function isPair(arg: string): boolean {
  return (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-')
}

/**
 * GetResourcesAndPairs: the resources, then the pairs; a resource after the first pair is
 * `all resources must be specified before <pairType> changes: <arg>`.
 */
export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = []
  const pairs: string[] = []
  for (const arg of args) {
    if (isPair(arg)) pairs.push(arg)
    else if (pairs.length > 0) return { error: `all resources must be specified before ${pairType} changes: ${arg}` }
    else resources.push(arg)
  }
  return { resources, pairs }
}

/** ParsePairs(supportRemove): KEY=VALUE split at the first `=`, KEY- to remove; the rest `invalid <type> format: a, b`. */
export function parsePairs(pairs: string[], pairType: string): { set: Map<string, string>; remove: string[] } | { error: string } {
  const set = new Map<string, string>()
  const remove: string[] = []
  const invalid: string[] = []
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at > 0) set.set(pair.slice(0, at), pair.slice(at + 1))
    else if (pair.endsWith('-') && pair !== '-') remove.push(pair.slice(0, -1))
    else invalid.push(pair)
  }
  if (invalid.length > 0) return { error: `invalid ${pairType} format: ${invalid.join(', ')}` }
  return { set, remove }
}
