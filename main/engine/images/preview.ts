// What the simulated registry says about one image reference before any pod uses it: whether the kubelet
// could pull it and what its default process does. The manifest preview (issue 11 item 2) words this for a
// learner ("image helloimage does not exist: they will stay in ImagePullBackOff"); the facts are the ones the
// kubelet and containerd use (image-name.ts invalidImageName, catalog.ts lookUp, pull-failure.ts).

import { lookUp, pullFailure } from './catalog'
import { invalidImageName, parseImage } from './image-name'
import type { ImagePreview } from '../../kube'

export type { ImagePreview }

/** The registry's answer for `image` as written in a container spec (`nginx`, `busybox:1.36`). Never throws. */
export function previewImage(image: string): ImagePreview {
  const invalid = invalidImageName(image)
  if (invalid) return { image, verdict: 'invalid', message: invalid.message }
  const ref = parseImage(image)
  const found = lookUp(ref)
  if (!found) return { image, verdict: 'missing', reference: ref.full, message: pullFailure(ref) }
  const run = found.image.process
  const base = { image, reference: ref.full, sizeBytes: found.image.sizeBytes, entrypoint: [...found.config.entrypoint], cmd: [...found.config.cmd] }
  return run.kind === 'serves' ? { ...base, verdict: 'serves' } : { ...base, verdict: 'exits', afterMs: run.afterMs, exitCode: run.exitCode }
}
