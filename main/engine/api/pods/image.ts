// The tag of an image reference as the kubelet's defaulting sees it (pkg/util/parsers ParseImageName over
// github.com/distribution/reference ParseNormalizedNamed, both as vendored in kubernetes v1.32.1): no tag and
// no digest means "latest"; a reference that does not parse has no tag at all.

const alphanumeric = '[a-z0-9]+'
const separator = '(?:[._]|__|[-]+)'
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`
const host = `(?:${domainName}|\\[(?:[a-fA-F0-9:]+)\\])`
const domainAndPort = `${host}(?::[0-9]+)?`
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`
const remoteName = `${pathComponent}(?:/${pathComponent})*`
const namePat = `(?:${domainAndPort}/)?${remoteName}`
const tagPat = '[\\w][\\w.-]{0,127}'
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}'
const referenceRe = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`)
const anchoredNameRe = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`)
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 }

function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/')
  if (slash < 0) return ['docker.io', 'library/' + name]
  const maybeDomain = name.slice(0, slash)
  const rest = name.slice(slash + 1)
  let domain: string
  let remote: string
  if (maybeDomain === 'localhost') [domain, remote] = [maybeDomain, rest]
  else if (maybeDomain === 'index.docker.io') [domain, remote] = ['docker.io', rest]
  else if (/[.:]/.test(maybeDomain) || maybeDomain.toLowerCase() !== maybeDomain) [domain, remote] = [maybeDomain, rest]
  else [domain, remote] = ['docker.io', name]
  if (domain === 'docker.io' && !remote.includes('/')) remote = 'library/' + remote
  return [domain, remote]
}

/** The tag the defaulting code compares with "latest", or null when the reference does not parse. */
export function imageTag(image: string): string | null {
  if (/^[a-f0-9]{64}$/.test(image)) return null
  const [domain, remainder] = splitDockerDomain(image)
  const colon = remainder.indexOf(':')
  const remote = colon < 0 ? remainder : remainder.slice(0, colon)
  if (remote.toLowerCase() !== remote) return null
  const m = referenceRe.exec(`${domain}/${remainder}`)
  if (!m) return null
  const path = anchoredNameRe.exec(m[1] ?? '')?.[2] ?? m[1] ?? ''
  if (path.length > 255) return null
  const tag = m[2] ?? ''
  const digest = m[3] ?? ''
  if (digest) {
    const [algorithm = '', hex = ''] = digest.split(':')
    if (DIGEST_HEX_LENGTH[algorithm] !== hex.length) return null
  }
  return tag === '' && digest === '' ? 'latest' : tag
}

/** SetDefaults_Container: Always for `:latest` (or no tag), IfNotPresent otherwise, unparsable included. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent'
}
