// `kubectl set image (-f FILE | TYPE NAME | TYPE/NAME | TYPE -l SEL | TYPE --all) CONTAINER=IMAGE ... [*=IMAGE]`,
// after kubectl pkg/cmd/set/set_image.go (v0.32.5): each named container's (and init container's) image set; a
// name no container has is `unable to find container named "x"`; `image updated`.

import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { plain, type CliError } from '../../../errors'
import { fail, type KubectlIO, type KubectlResult } from '../../../io'
import type { Command, Globals } from '../../command'
import { podSpecOf } from '../pod-spec'
import { SET_FLAGS, runSet, setSettings } from '../set-flow'
import { HELP } from './help'

const FLAGS: FlagSpec[] = SET_FLAGS

export const setImageCommand: Command = {
  name: 'image',
  short: 'Update the image of a pod template',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: runSetImage,
}

function runSetImage(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const settings = setSettings(flags)
  if ('error' in settings) return fail(settings.error)
  // getResourcesAndImages: arguments with `=` are images, the rest resources.
  const resources = args.filter((a) => !a.includes('='))
  const images = new Map<string, string>()
  for (const a of args.filter((x) => x.includes('='))) {
    const at = a.indexOf('=')
    images.set(a.slice(0, at), a.slice(at + 1))
  }
  // Validate.
  if (images.size < 1) return fail('error: at least one image update is required\n')
  if (images.size > 1 && images.has('*')) return fail('error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n')
  return runSet(
    {
      operation: 'image updated',
      apply(object) {
        const spec = podSpecOf(object)
        const errors: CliError[] = []
        for (const [name, image] of images) {
          let found = false
          for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
            if (c.name === name || name === '*') {
              c.image = image
              found = true
            }
          }
          if (!found) errors.push(plain(`unable to find container named ${JSON.stringify(name)}`))
        }
        return { errors }
      },
    },
    io,
    resources,
    flags,
    globals,
    FLAGS,
  )
}
