// What the kubelet needs from the images part (main/engine/images/), in one place: whether a reference parses
// (the image manager's applyDefaultImageTag) and an image's OCI config for the runtime. Stand-ins until the
// images part lands its reference grammar (distribution/reference) and catalog configs: then each function
// here becomes a re-export of the images part's.

import type { ImageConfig } from '../images/image-config'
import type { ResolvedImage } from './resolved-image'

export type ImageRefCheck = { ok: true } | { ok: false; message: string }

// A coarse form of distribution/reference's grammar: lower-case path components separated by `.`, `_`, `__`
// or dashes, an optional registry host with a port, a tag, a digest.
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*'
const REFERENCE = new RegExp(
  `^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`,
)

/**
 * image_manager.go EnsureImageExists: an image the reference grammar refuses is InvalidImageName before any
 * pull; `message` is the InspectFailed event's text and the waiting state's message.
 */
export function validateImageRef(given: string): ImageRefCheck {
  if (REFERENCE.test(given)) return { ok: true }
  return { ok: false, message: `Failed to apply default image tag "${given}": couldn't parse image name "${given}": invalid reference format` }
}

/** The OCI config the runtime starts `image` with (entrypoint, cmd, env, stop signal, binaries). */
export function imageConfigOf(image: ResolvedImage): ImageConfig {
  void image
  return {
    entrypoint: [],
    cmd: [],
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    workingDir: '',
    user: '',
    exposedPorts: [],
    stopSignal: 'SIGTERM',
    binaries: {},
    files: {},
  }
}
