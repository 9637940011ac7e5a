import { describe, expect, it, vi } from 'vitest'
import * as catalog from './image-catalog'
import { ImageResolver } from './resolved-image'

vi.mock('./image-catalog', async (original) => {
  const real = await original<typeof import('./image-catalog')>()
  return { ...real, parseImage: vi.fn(real.parseImage), findImage: vi.fn(real.findImage) }
})

describe('images resolved once per sync', () => {
  it('parses and looks up each reference once however often a sync asks (presence, pull, start, status, stop)', () => {
    const images = new ImageResolver()
    const first = images.resolve('nginx:1.27')
    for (let i = 0; i < 5; i++) expect(images.resolve('nginx:1.27')).toBe(first)
    images.resolve('busybox')
    expect(vi.mocked(catalog.parseImage).mock.calls.map(([given]) => given)).toEqual(['nginx:1.27', 'busybox'])
    expect(vi.mocked(catalog.findImage)).toHaveBeenCalledTimes(2)
    expect(first).toMatchObject({ given: 'nginx:1.27', ref: { full: 'docker.io/library/nginx:1.27' }, found: { repository: 'docker.io/library/nginx' } })
  })

  it('resolves an image the registry does not have to found: undefined', () => {
    expect(new ImageResolver().resolve('helloimage').found).toBeUndefined()
  })
})
