// What the kubelet needs from the images part (main/engine/images/) beyond resolving a reference: the OCI
// config the runtime starts an image with.

import type { ImageConfig } from '../images/image-config'
import type { ResolvedImage } from '../images'

/** No entrypoint, no executables: what an image the registry does not have would run (it is never started). */
const NOTHING: ImageConfig = {
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

/** The OCI config the runtime starts `image` with (entrypoint, cmd, env, stop signal, binaries). */
export function imageConfigOf(image: ResolvedImage): ImageConfig {
  return image.config ?? NOTHING
}
