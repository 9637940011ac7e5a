// The image reference grammar, ported from github.com/distribution/reference v0.6.0 (regexp.go, reference.go,
// normalize.go: the version Kubernetes 1.32 vendors) with the digest checks of github.com/opencontainers/go-digest
// (digest.go, algorithm.go; the kubelet registers sha256, sha384 and sha512). Error texts are the Go ones, word
// for word, because the kubelet prints them in its InvalidImageName message.
//
//	reference        := name [ ":" tag ] [ "@" digest ]
//	name             := [domain '/'] remote-name
//	domain           := host [':' port-number]
//	remote-name      := path-component ['/' path-component]*
//	path-component   := alpha-numeric [separator alpha-numeric]*   (lower case only)
//	tag              := /[\w][\w.-]{0,127}/
//	digest           := algorithm ":" hex   (hex at least 32 digits)

const alphanumeric = '[a-z0-9]+'
const separator = '(?:[._]|__|[-]+)'
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const optionalPort = '(?::[0-9]+)?'
const tagPat = '[\\w][\\w.-]{0,127}'
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}'
const identifier = '([a-f0-9]{64})'
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]'
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`
const host = `(?:${domainName}|${ipv6address})`
const domainAndPort = host + optionalPort
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`
const remoteName = `${pathComponent}(?:/${pathComponent})*`
const namePat = `(?:${domainAndPort}/)?${remoteName}`

const referenceRegexp = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`)
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`)
const anchoredTagRegexp = new RegExp(`^${tagPat}$`)
const anchoredIdentifierRegexp = new RegExp(`^${identifier}$`)
// go-digest's DigestRegexpAnchored, looser than the reference grammar's digest.
const goDigestRegexp = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/
/** Hash algorithms the kubelet links in (crypto/sha256, crypto/sha512), by their hex length. */
const HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 }

export const REPOSITORY_NAME_TOTAL_LENGTH_MAX = 255
const DEFAULT_DOMAIN = 'docker.io'
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io'
const OFFICIAL_REPO_PREFIX = 'library/'
export const DEFAULT_TAG = 'latest'

export type ReferenceErrorReason =
  | 'ReferenceInvalidFormat'
  | 'TagInvalidFormat'
  | 'NameContainsUppercase'
  | 'NameEmpty'
  | 'NameTooLong'
  | 'NameNotCanonical'
  | 'RemoteNameNotLowercase'
  | 'IdentifierAsName'
  | 'DigestInvalidFormat'
  | 'DigestInvalidLength'
  | 'DigestUnsupported'

const MESSAGES: Record<Exclude<ReferenceErrorReason, 'RemoteNameNotLowercase' | 'IdentifierAsName'>, string> = {
  ReferenceInvalidFormat: 'invalid reference format',
  TagInvalidFormat: 'invalid tag format',
  NameContainsUppercase: 'repository name must be lowercase',
  NameEmpty: 'repository name must have at least one component',
  NameTooLong: `repository name must not be more than ${REPOSITORY_NAME_TOTAL_LENGTH_MAX} characters`,
  NameNotCanonical: 'repository name must be canonical',
  DigestInvalidFormat: 'invalid checksum digest format',
  DigestInvalidLength: 'invalid checksum digest length',
  DigestUnsupported: 'unsupported digest algorithm',
}

/** A reference that does not parse; `message` is distribution/reference's (or go-digest's) error text. */
export class ReferenceError extends Error {
  constructor(
    readonly reason: ReferenceErrorReason,
    message: string = MESSAGES[reason as keyof typeof MESSAGES],
  ) {
    super(message)
    this.name = 'ReferenceError'
  }
}

/** A parsed reference: `domain` is '' when the name has none (Parse only; normalised names always have one). */
export interface Reference {
  domain: string
  path: string
  /** '' when the reference has no tag. */
  tag: string
  /** `sha256:<hex>`, or '' when the reference has no digest. */
  digest: string
}

/** Named.Name(): the repository, with its domain. */
export function referenceName(r: Reference): string {
  return r.domain === '' ? r.path : `${r.domain}/${r.path}`
}

/** Reference.String(): name, `:tag` and `@digest` as present. */
export function referenceString(r: Reference): string {
  return referenceName(r) + (r.tag ? `:${r.tag}` : '') + (r.digest ? `@${r.digest}` : '')
}

/** go-digest Digest.Validate for the algorithms the kubelet registers. */
function validateDigest(d: string): void {
  const colon = d.indexOf(':')
  if (colon < 0 || colon === d.length - 1) throw new ReferenceError('DigestInvalidFormat')
  const algorithm = d.slice(0, colon)
  const encoded = d.slice(colon + 1)
  const length = HEX_LENGTH[algorithm]
  if (length === undefined) throw new ReferenceError(goDigestRegexp.test(d) ? 'DigestUnsupported' : 'DigestInvalidFormat')
  if (encoded.length !== length) throw new ReferenceError('DigestInvalidLength')
  if (!/^[a-f0-9]+$/.test(encoded)) throw new ReferenceError('DigestInvalidFormat')
}

/** splitDomain: the domain and path of a name, or '' and the whole name when it has no domain. */
function splitDomain(name: string): [string, string] {
  const m = anchoredNameRegexp.exec(name)
  return m ? [m[1] ?? '', m[2] ?? ''] : ['', name]
}

/**
 * Parse: a syntactically valid reference, not normalised (`ubuntu` stays `ubuntu`).
 * @throws ReferenceError (NameEmpty, NameContainsUppercase, ReferenceInvalidFormat, NameTooLong, Digest*)
 */
export function parse(s: string): Reference {
  const m = referenceRegexp.exec(s)
  if (!m) {
    if (s === '') throw new ReferenceError('NameEmpty')
    if (referenceRegexp.test(s.toLowerCase())) throw new ReferenceError('NameContainsUppercase')
    throw new ReferenceError('ReferenceInvalidFormat')
  }
  const [domain, path] = splitDomain(m[1] ?? '')
  if (path.length > REPOSITORY_NAME_TOTAL_LENGTH_MAX) throw new ReferenceError('NameTooLong')
  const digest = m[3] ?? ''
  if (digest) validateDigest(digest)
  return { domain, path, tag: m[2] ?? '', digest }
}

/** splitDockerDomain: the domain and remote name, with docker.io and `library/` filled in for Docker Hub. */
function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/')
  if (slash < 0) return [DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX + name]
  const maybeDomain = name.slice(0, slash)
  const maybeRemote = name.slice(slash + 1)
  let domain: string
  let remote: string
  if (maybeDomain === 'localhost') [domain, remote] = [maybeDomain, maybeRemote]
  else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) [domain, remote] = [DEFAULT_DOMAIN, maybeRemote]
  else if (/[.:]/.test(maybeDomain)) [domain, remote] = [maybeDomain, maybeRemote]
  // Upper case is not allowed in a namespace, so an upper-case first element is taken for a domain.
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remote] = [maybeDomain, maybeRemote]
  else [domain, remote] = [DEFAULT_DOMAIN, name]
  if (domain === DEFAULT_DOMAIN && !remote.includes('/')) remote = OFFICIAL_REPO_PREFIX + remote
  return [domain, remote]
}

/**
 * ParseNormalizedNamed: a familiar name (`nginx`, `bitnami/redis:7`) made fully qualified
 * (`docker.io/library/nginx`, `docker.io/bitnami/redis:7`); tag and digest stay as given (none added).
 * @throws ReferenceError: IdentifierAsName, RemoteNameNotLowercase, or whatever parse throws.
 */
export function parseNormalizedNamed(s: string): Reference {
  if (anchoredIdentifierRegexp.test(s)) {
    throw new ReferenceError('IdentifierAsName', `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`)
  }
  const [domain, remainder] = splitDockerDomain(s)
  const colon = remainder.indexOf(':')
  const remote = colon < 0 ? remainder : remainder.slice(0, colon)
  if (remote.toLowerCase() !== remote) {
    throw new ReferenceError('RemoteNameNotLowercase', `invalid reference format: repository name (${remote}) must be lowercase`)
  }
  return parse(`${domain}/${remainder}`)
}

/**
 * ParseNamed: like parseNormalizedNamed, but the input must already be canonical (`docker.io/library/nginx`).
 * @throws ReferenceError NameNotCanonical, or what parseNormalizedNamed throws.
 */
export function parseNamed(s: string): Reference {
  const named = parseNormalizedNamed(s)
  if (referenceString(named) !== s) throw new ReferenceError('NameNotCanonical')
  return named
}

/** ParseDockerRef: normalised, `latest` added when there is neither tag nor digest, the tag dropped when both. */
export function parseDockerRef(s: string): Reference {
  const named = parseNormalizedNamed(s)
  if (named.tag && named.digest) return { ...named, tag: '' }
  if (!named.tag && !named.digest) return { ...named, tag: DEFAULT_TAG }
  return named
}

/** WithTag: the name with `tag`. @throws ReferenceError TagInvalidFormat. */
export function withTag(r: Reference, tag: string): Reference {
  if (!anchoredTagRegexp.test(tag)) throw new ReferenceError('TagInvalidFormat')
  return { ...r, tag }
}

/** familiarizeName: docker.io and `library/` dropped again, as docker's UI shows names. */
export function familiarName(r: Reference): string {
  if (r.domain !== DEFAULT_DOMAIN) return referenceName(r)
  const rest = r.path.startsWith(OFFICIAL_REPO_PREFIX) ? r.path.slice(OFFICIAL_REPO_PREFIX.length) : r.path
  return rest.includes('/') ? r.path : rest
}

/** FamiliarString: the familiar name with its tag and digest. */
export function familiarString(r: Reference): string {
  return familiarName(r) + (r.tag ? `:${r.tag}` : '') + (r.digest ? `@${r.digest}` : '')
}
