// Object names: generateName's random suffix and the name rules for resources.
// Sources: k8s.io/apiserver v0.32.0 pkg/storage/names/generate.go (SimpleNameGenerator),
// k8s.io/apimachinery v0.32.0 pkg/util/rand/rand.go (alphabet) and pkg/api/validation/generic.go.

import type { Rng } from '../../runtime/rng'
import { isDNS1123Label, isDNS1123Subdomain } from './validation'

/** Vowels are left out "to reduce the chances of 'bad words' being formed". */
export const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789'
const MAX_NAME_LENGTH = 63
const RANDOM_LENGTH = 5
export const MAX_GENERATED_NAME_LENGTH = MAX_NAME_LENGTH - RANDOM_LENGTH

export function randomSuffix(rng: Rng, length = RANDOM_LENGTH): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALPHANUMS[rng.int(ALPHANUMS.length)]
  return out
}

/** `base` cut to 58 characters plus 5 random ones: `hello-7c5ddbdf54-` -> `hello-7c5ddbdf54-x8k2m`. */
export function generateName(base: string, rng: Rng): string {
  const cut = base.length > MAX_GENERATED_NAME_LENGTH ? base.slice(0, MAX_GENERATED_NAME_LENGTH) : base
  return cut + randomSuffix(rng)
}

/**
 * A generateName prefix may end in '-': Go replaces the last two characters with "a" before checking
 * (maskTrailingDash, quirk included).
 */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? name.slice(0, -2) + 'a' : name
}

/** A ValidateNameFunc: messages for a bad name; `prefix` when it is a generateName. */
export type NameValidator = (name: string, prefix: boolean) => string[]

/** Pods, Deployments, ReplicaSets, Jobs, Nodes, Services' endpoints...: DNS-1123 subdomain (253). */
export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name)

/** Namespaces: DNS-1123 label (63). */
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name)
