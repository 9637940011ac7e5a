// An image reference as the kubelet and containerd read it. The kubelet (1.32 pkg/kubelet/images/image_manager.go
// applyDefaultImageTag over pkg/util/parsers ParseImageName, i.e. distribution/reference ParseNormalizedNamed)
// refuses a reference that does not parse before any pull: the container waits with reason InvalidImageName
// and the event is `InspectFailed` "Failed to apply default image tag ...". containerd names what it pulls in
// full (docker.io/library/nginx:latest), which is what containerStatuses[].image shows.

import { goQuote } from '../../gostd/gofmt'
import { DEFAULT_TAG, parseNormalizedNamed, ReferenceError, referenceName, type Reference } from './reference'

export interface ImageRef {
  /** As written in the pod spec: `nginx`, `nginx:1.27`. */
  given: string
  /** Fully qualified, as containerd reports it in containerStatuses[].image: docker.io/library/nginx:latest. */
  full: string
  /** Repository as containerd names it: docker.io/library/nginx. */
  repository: string
  /** `latest` when the reference names neither tag nor digest; '' for a digest without a tag. */
  tag: string
  /** `sha256:...` when the reference pins a digest. */
  digest?: string
}

/**
 * pkg/util/parsers ParseImageName: the normalised reference, or the kubelet's error text
 * (`couldn't parse image name "Controller:Latest": invalid reference format: repository name (library/Controller) must be lowercase`).
 */
export function parseImageName(image: string): ParsedImageName {
  let parsed = parsedNames.get(image)
  if (!parsed) {
    parsed = parseUncached(image)
    // Every sync of every pod asks again about the same few references; the grammar's regexps are not cheap.
    if (parsedNames.size >= PARSED_NAMES_MAX) parsedNames.clear()
    parsedNames.set(image, parsed)
  }
  return parsed
}

export type ParsedImageName = Readonly<{ ok: true; ref: Readonly<Reference> } | { ok: false; message: string; reason: ReferenceError['reason'] }>

const PARSED_NAMES_MAX = 10_000
const parsedNames = new Map<string, ParsedImageName>()

function parseUncached(image: string): ParsedImageName {
  try {
    return { ok: true, ref: parseNormalizedNamed(image) }
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e
    return { ok: false, message: `couldn't parse image name ${goQuote(image)}: ${e.message}`, reason: e.reason }
  }
}

/** What the kubelet says when a container's image is not a valid reference (EnsureImageExists, 1.32). */
export interface InvalidImageName {
  /** The container's waiting reason. */
  reason: 'InvalidImageName'
  /** Waiting message and the text of the Warning event `InspectFailed`. */
  message: string
  eventReason: 'InspectFailed'
}

/** The InvalidImageName verdict for `image`, or undefined when it parses (then the kubelet goes on to pull). */
export function invalidImageName(image: string): InvalidImageName | undefined {
  const parsed = parseImageName(image)
  if (parsed.ok) return undefined
  return { reason: 'InvalidImageName', message: `Failed to apply default image tag ${goQuote(image)}: ${parsed.message}`, eventReason: 'InspectFailed' }
}

/** The tag the API server's defaulting compares with "latest" (no tag and no digest: latest), or null when unparsable. */
export function imageTag(image: string): string | null {
  const parsed = parseImageName(image)
  if (!parsed.ok) return null
  return parsed.ref.tag === '' && parsed.ref.digest === '' ? DEFAULT_TAG : parsed.ref.tag
}

/** SetDefaults_Container: imagePullPolicy Always for `:latest` or no tag, IfNotPresent otherwise (unparsable included). */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return imageTag(image) === DEFAULT_TAG ? 'Always' : 'IfNotPresent'
}

/**
 * The reference as containerd names it (docker.io/library/ for official images, :latest). An unparsable
 * reference (which the kubelet refuses before this matters) is kept as given, so that it names nothing.
 */
export function parseImage(given: string): ImageRef {
  let ref = refs.get(given)
  if (!ref) {
    if (refs.size >= PARSED_NAMES_MAX) refs.clear()
    refs.set(given, (ref = Object.freeze(toImageRef(given))))
  }
  return ref
}

const refs = new Map<string, ImageRef>()

function toImageRef(given: string): ImageRef {
  const parsed = parseImageName(given)
  if (!parsed.ok) return { given, full: given, repository: given, tag: '' }
  const repository = referenceName(parsed.ref)
  const tag = parsed.ref.tag || (parsed.ref.digest ? '' : DEFAULT_TAG)
  const full = tag ? `${repository}:${tag}` : `${repository}@${parsed.ref.digest}`
  return parsed.ref.digest ? { given, full, repository, tag, digest: parsed.ref.digest } : { given, full, repository, tag }
}
