// Scripts parsed once per text: the interpreter's saved state holds only script texts and node ids, so a
// reloaded shell re-parses (from this cache when warm) and finds the same tree.

import type { Script } from '../ast'
import { convertFile } from './convert'
import { mvdan, ParseFailure } from './mvdan'

export { ParseFailure } from './mvdan'

// One map per language keyed by the text itself: V8 keeps a string's hash on the string, so a saved script's
// text is hashed once, where a built key (`lang + text`) would be hashed again on every lookup.
const caches = { posix: new Map<string, Script | ParseFailure>(), bash: new Map<string, Script | ParseFailure>() }
const MAX_CACHED = 2000

/** The script's tree, or the ParseFailure (a syntax error) it gives; never throws for bad syntax. */
export function parseScript(src: string, lang: 'posix' | 'bash'): Script | ParseFailure {
  const cache = caches[lang]
  const hit = cache.get(src)
  if (hit) return hit
  let result: Script | ParseFailure
  const m = mvdan()
  try {
    result = convertFile(m.parse(src, lang), m, src)
  } catch (e) {
    if (!(e instanceof ParseFailure)) throw e
    result = e
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string)
  cache.set(src, result)
  return result
}

/** Forgets every parsed script (tests: a reloaded shell must find the same trees by re-parsing). */
export function clearParseCache(): void {
  caches.posix.clear()
  caches.bash.clear()
}
