// The image catalog as the UI shows it (issue 11 item 7): each repository the simulated registry holds, in
// plain data (no RegExp, no programs), and a look-up that says whether a reference a learner typed exists and,
// when it does not, what the real registry would answer (containerd's words, as ErrImagePull carries them).

import { CATALOG, findImage, findRepository, lookUp, pullFailureFor } from './catalog'
import { invalidImageName, parseImage } from './image-name'
import { rpcErrorText } from './pull-failure'
import type { CatalogEntry, CatalogLookup, ImageBehaviour } from '../../kube'

export type { CatalogEntry, CatalogLookup, ImageBehaviour } from '../../kube'

/** The short name a manifest uses for `repository` (docker.io/library/ and docker.io/ dropped, as docker does). */
export function shortName(repository: string): string {
  if (repository.startsWith('docker.io/library/')) return repository.slice('docker.io/library/'.length)
  if (repository.startsWith('docker.io/')) return repository.slice('docker.io/'.length)
  return repository
}

let entries: CatalogEntry[] | undefined

/** Every repository of the catalog, sorted by name. */
export function catalogEntries(): CatalogEntry[] {
  entries ??= CATALOG.map((image) => {
    const config = lookUp({ given: image.repository, full: image.repository, repository: image.repository, tag: image.defaultTag })?.config
    const behaviour: ImageBehaviour = image.process.kind === 'serves' ? { kind: 'serves' } : { kind: 'exits', exitCode: image.process.exitCode, afterMs: image.process.afterMs }
    return {
      repository: image.repository,
      name: shortName(image.repository),
      defaultTag: image.defaultTag,
      tagPattern: image.tags.source,
      sizeBytes: image.sizeBytes,
      pullMs: image.pullMs,
      entrypoint: [...(config?.entrypoint ?? image.build.entrypoint)],
      cmd: [...(config?.cmd ?? image.build.cmd)],
      exposedPorts: [...(config?.exposedPorts ?? image.build.exposedPorts)],
      behaviour,
    }
  }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return entries.map((e) => ({ ...e, entrypoint: [...e.entrypoint], cmd: [...e.cmd], exposedPorts: [...e.exposedPorts] }))
}

/** Whether the registry has `image` (as a container's `image:` field gives it), and if not, what a pull of it meets. */
export function lookUpImage(image: string): CatalogLookup {
  const invalid = invalidImageName(image)
  if (invalid) return { found: false, invalid: invalid.message }
  const ref = parseImage(image)
  if (findImage(ref)) return { found: true, repository: ref.repository, tag: ref.tag }
  return { found: false, repositoryKnown: findRepository(ref.repository) !== undefined, registryAnswer: rpcErrorText(pullFailureFor(ref)) }
}
