// @vitest-environment happy-dom
// The image catalog dialog: every image, filtered as the learner types, and an image it lacks answered in the
// registry's words; Escape closes it.
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import type { CatalogImageView } from '../../../main/contract'
import { useApi } from '../../adapter/inject'
import { mount, type Mounted } from '../../testing/mount'
import ImageCatalogDialog from './ImageCatalogDialog.vue'

let mounted: Mounted | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
})

const image = (name: string, behaviour: CatalogImageView['behaviour']): CatalogImageView => ({
  repository: `docker.io/library/${name}`,
  name,
  defaultTag: 'latest',
  tagPattern: 'latest',
  sizeBytes: 1024 * 1024,
  pullMs: 600,
  entrypoint: [],
  cmd: [name],
  exposedPorts: [],
  behaviour,
})
const IMAGES = [image('busybox', { kind: 'exits', exitCode: 0, afterMs: 10 }), image('nginx', { kind: 'serves' })]
const ANSWER = 'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/helloimage:latest": ... pull access denied'

const closed = ref(0)
const Page = defineComponent({
  setup() {
    const api = useApi() as unknown as Record<string, unknown>
    api['images.catalog'] = async ({ image: img }: { image?: string }) => ({
      ok: true,
      result: img === 'helloimage' ? { images: IMAGES, lookup: { found: false, repositoryKnown: false, registryAnswer: ANSWER } } : { images: IMAGES },
    })
    return () => h(ImageCatalogDialog, { open: true, query: '', onClose: () => closed.value++ })
  },
})

const settle = async (ms = 0) => {
  await new Promise((r) => setTimeout(r, ms))
  for (let i = 0; i < 4; i++) {
    await new Promise((r) => setTimeout(r, 0))
    await nextTick()
  }
}
const q = (id: string) => mounted!.root.querySelector(`[data-testid="${id}"]`)

async function type(text: string): Promise<void> {
  const input = q('image-search') as HTMLInputElement
  input.value = text
  input.dispatchEvent(new Event('input'))
  await settle(250)
}

describe('ImageCatalogDialog', () => {
  it('lists every image with what it does, and filters as the learner types', async () => {
    mounted = await mount(Page)
    await settle()
    expect(q('image-row-nginx')?.textContent).toContain('serves until stopped')
    expect(q('image-row-busybox')?.textContent).toContain('exits 0 at once')
    await type('ngi')
    expect(q('image-row-busybox')).toBeNull()
    expect(q('image-row-nginx')).not.toBeNull()
  })

  it('answers an image Podlab lacks with the registry’s words and the images it knows', async () => {
    mounted = await mount(Page)
    await settle()
    await type('helloimage')
    const lookup = q('image-lookup')?.textContent ?? ''
    expect(lookup).toContain('helloimage is not in Podlab’s catalog; a real registry would answer:')
    expect(lookup).toContain(ANSWER)
    expect(lookup).toContain('Images Podlab knows include: busybox, nginx.')
  })

  it('closes on Escape', async () => {
    mounted = await mount(Page)
    await settle()
    const before = closed.value
    q('image-catalog')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(closed.value).toBe(before + 1)
  })
})
