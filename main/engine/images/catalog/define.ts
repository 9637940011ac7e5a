// How a repository is written down in the catalog: its tags (a pattern of what the registry publishes), the
// published digest of its default tag, size, pull time, and the OCI config of its images, per tag where the
// builds differ (nginx before 1.19 has no entrypoint; `-alpine` tags are another userland).

import { createHash } from 'node:crypto'
import type { ImageConfig, ResourceProfile } from '../image-config'
import { DEFAULT_PATH, userland, type Base } from './bases'

export type StopBehaviour =
  /** The process exits on the stop signal after this long, with this code (nginx: SIGQUIT, graceful). */
  | { kind: 'exits'; afterMs: number; exitCode: number }
  /** PID 1 without a handler ignores SIGTERM (sleep, sh): only SIGKILL at the end of the grace period ends it. */
  | { kind: 'ignores' }

/** The default process, coarsely: serves until stopped, or exits by itself (kept for the kubelet's process.ts). */
export type DefaultRun = { kind: 'serves' } | { kind: 'exits'; afterMs: number; exitCode: number }

/** One build of a repository: its OCI config, the base it starts from, and what it adds to that base. */
export interface Build extends Omit<ImageConfig, 'binaries' | 'files'> {
  base: Base
  /** Executables the image adds to its base: path -> program id. */
  binaries: Record<string, string>
  /** Files the image adds to its base: path -> content. */
  files: Record<string, string>
  /** passwd lines the image adds. */
  users: string[]
}

export interface TagVariant {
  tags: RegExp
  build: Partial<Build>
}

export interface CatalogImage {
  /** Repository as containerd names it: docker.io/library/nginx. */
  repository: string
  /** The repository whose manifests these are (a legacy name serves the same images, so the same digests). */
  manifestsOf: string
  /** The tags that exist. */
  tags: RegExp
  /** The tag `latest` stands for in the docs, and whose digest `digest` is. */
  defaultTag: string
  /** Digest of the default tag's manifest (other tags have their own: tagDigest). */
  digest: string
  /** Bytes, as the kubelet's Pulled event reports it. */
  sizeBytes: number
  /** ms a pull takes on the workshop network with no layer cached. */
  pullMs: number
  profile: ResourceProfile
  process: DefaultRun
  onStop: StopBehaviour
  /** The default build. */
  build: Build
  /** Builds of other tags, first match wins. */
  variants: TagVariant[]
}

export interface ImageSpec extends Partial<Build> {
  repository: string
  /** For a legacy name of another repository: that repository (same digests). */
  mirrorOf?: string
  tags: RegExp
  defaultTag?: string
  /** 64 hex digits; derived from the repository when not given. */
  digest?: string
  sizeBytes: number
  /** Derived from the size when not given (pullMsFor). */
  pullMs?: number
  base: Base
  profile: ResourceProfile
  /**
   * daemon: serves until stopped, exiting `stopMs` after its stop signal; shell: a shell or sleep as PID 1,
   * which exits at once with nothing to read and ignores SIGTERM; exits: prints and ends by itself.
   */
  runs: 'daemon' | 'shell' | 'exits'
  stopMs?: number
  variants?: TagVariant[]
}

/** About 16 MB/s once the manifest round trips (~0.6 s) are done: a workshop's shared uplink. */
export function pullMsFor(sizeBytes: number): number {
  return 600 + Math.round(sizeBytes / 16_000)
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

const derived = new Map<string, string>()

/** The digest of `repository:tag`: stable, made up (the real registries cannot be reached from here). */
export function derivedDigest(repository: string, tag: string): string {
  const key = `${repository}:${tag}`
  let digest = derived.get(key)
  if (!digest) derived.set(key, (digest = `sha256:${sha256Hex(`podlab-registry ${key}`)}`))
  return digest
}

/** Builds one catalog entry, filling what the spec leaves out (empty env but PATH, root, SIGTERM). */
export function image(spec: ImageSpec): CatalogImage {
  const defaultTag = spec.defaultTag ?? 'latest'
  const build: Build = {
    base: spec.base,
    entrypoint: spec.entrypoint ?? [],
    cmd: spec.cmd ?? [],
    env: spec.env ?? { PATH: DEFAULT_PATH },
    workingDir: spec.workingDir ?? '',
    user: spec.user ?? '',
    exposedPorts: spec.exposedPorts ?? [],
    stopSignal: spec.stopSignal ?? 'SIGTERM',
    binaries: spec.binaries ?? {},
    files: spec.files ?? {},
    users: spec.users ?? [],
  }
  const run: Record<ImageSpec['runs'], [DefaultRun, StopBehaviour]> = {
    daemon: [{ kind: 'serves' }, { kind: 'exits', afterMs: spec.stopMs ?? 100, exitCode: 0 }],
    shell: [{ kind: 'exits', afterMs: 10, exitCode: 0 }, { kind: 'ignores' }],
    exits: [{ kind: 'exits', afterMs: 10, exitCode: 0 }, { kind: 'ignores' }],
  }
  const [process, onStop] = run[spec.runs]
  const manifestsOf = spec.mirrorOf ?? spec.repository
  return {
    repository: spec.repository,
    manifestsOf,
    tags: spec.tags,
    defaultTag,
    digest: spec.digest ? `sha256:${spec.digest}` : derivedDigest(manifestsOf, defaultTag),
    sizeBytes: spec.sizeBytes,
    pullMs: spec.pullMs ?? pullMsFor(spec.sizeBytes),
    profile: spec.profile,
    process,
    onStop,
    build,
    variants: spec.variants ?? [],
  }
}

/** The index of the variant `tag` is built as, or -1 for the default build. */
function variantIndex(image: CatalogImage, tag: string): number {
  return image.variants.findIndex((v) => v.tags.test(tag))
}

/** The build of `tag`: the first variant whose pattern matches, laid over the default build. */
export function buildOf(image: CatalogImage, tag: string): Build {
  const variant = image.variants[variantIndex(image, tag)]
  return variant ? { ...image.build, ...variant.build } : image.build
}

const configs = new WeakMap<CatalogImage, Map<number, ImageConfig>>()

/** The OCI config of `image` at `tag`, its base's executables and files included. Shared: do not mutate. */
export function configOf(image: CatalogImage, tag: string): ImageConfig {
  const index = variantIndex(image, tag)
  let byVariant = configs.get(image)
  if (!byVariant) configs.set(image, (byVariant = new Map()))
  let config = byVariant.get(index)
  if (!config) {
    const b = buildOf(image, tag)
    const base = userland(b.base, b.users)
    config = {
      entrypoint: b.entrypoint,
      cmd: b.cmd,
      env: b.env,
      workingDir: b.workingDir,
      user: b.user,
      exposedPorts: b.exposedPorts,
      stopSignal: b.stopSignal,
      binaries: listeningDaemons({ ...base.binaries, ...b.binaries }, b.exposedPorts),
      files: { ...base.files, ...b.files },
    }
    byVariant.set(index, config)
  }
  return config
}

/**
 * An inferred server (`daemon:<name>`, a daemon no source showed the behaviour of) listens on the ports its
 * image declares, as the real one does (goproxy and echoserver on 8080): `daemon:<name>@8080,8443`.
 */
function listeningDaemons(binaries: Record<string, string>, ports: number[]): Record<string, string> {
  if (ports.length === 0) return binaries
  const out: Record<string, string> = {}
  for (const [path, id] of Object.entries(binaries)) out[path] = id.startsWith('daemon:') && !id.includes('@') ? `${id}@${ports.join(',')}` : id
  return out
}

/** The digest of `tag`'s manifest (the published one for the default tag). */
export function tagDigest(image: CatalogImage, tag: string): string {
  return tag === image.defaultTag ? image.digest : derivedDigest(image.manifestsOf, tag)
}

/** A tag pattern: any of `alternatives` (regular-expression source), whole. */
export function tags(...alternatives: string[]): RegExp {
  return new RegExp(`^(?:${alternatives.join('|')})$`)
}

/** `from`..`to` as a regular-expression alternation of whole numbers (`range(7, 31)`). */
export function range(from: number, to: number): string {
  const out: number[] = []
  for (let n = from; n <= to; n++) out.push(n)
  return `(?:${out.join('|')})`
}

/** `major.minor` for the minors from..to, optionally with a patch number up to `maxPatch`. */
export function minors(major: number, from: number, to: number, maxPatch?: number): string {
  const patch = maxPatch === undefined ? '' : `(?:\\.${range(0, maxPatch)})?`
  return `${major}\\.${range(from, to)}${patch}`
}

/** Version alternatives, each optionally followed by one of the suffixes (`-alpine`, `-slim` ...). */
export function withSuffixes(versions: string[], suffixes: string[]): string {
  const v = `(?:${versions.join('|')})`
  return suffixes.length ? `${v}(?:-(?:${suffixes.join('|')}))?` : v
}

/**
 * A docs example's server image whose build no source showed (inferred): its program at /<program>, serving
 * on `ports`, on a Debian base. `extra` overrides any part.
 */
export function inferredServer(repository: string, tagPattern: string, defaultTag: string, ports: number[], program: string, sizeBytes: number, extra: Partial<ImageSpec> = {}): CatalogImage {
  return image({
    repository,
    tags: tags(tagPattern),
    defaultTag,
    sizeBytes,
    base: { kind: 'debian', release: 'debian-11' },
    entrypoint: [`/${program}`],
    exposedPorts: ports,
    binaries: { [`/${program}`]: `daemon:${program}` },
    profile: { memoryBytes: 8 * 1024 * 1024, cpuMillicores: 1 },
    runs: 'daemon',
    ...extra,
  })
}
