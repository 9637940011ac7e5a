import { describe, expect, it, vi } from 'vitest'
import * as catalog from './catalog'
import * as names from './image-name'
import { ImageResolver } from './resolved-image'

vi.mock('./catalog', async (original) => {
  const real = await original<typeof import('./catalog')>()
  return { ...real, lookUp: vi.fn(real.lookUp) }
})
vi.mock('./image-name', async (original) => {
  const real = await original<typeof import('./image-name')>()
  return { ...real, parseImage: vi.fn(real.parseImage) }
})

describe('images resolved once per sync', () => {
  it('parses and looks up each reference once however often a sync asks (presence, pull, start, status, stop)', () => {
    const images = new ImageResolver()
    const first = images.resolve('nginx:1.27')
    for (let i = 0; i < 5; i++) expect(images.resolve('nginx:1.27')).toBe(first)
    images.resolve('busybox')
    expect(vi.mocked(names.parseImage).mock.calls.map(([given]) => given)).toEqual(['nginx:1.27', 'busybox'])
    expect(vi.mocked(catalog.lookUp)).toHaveBeenCalledTimes(2)
    expect(first).toMatchObject({ given: 'nginx:1.27', ref: { full: 'docker.io/library/nginx:1.27' }, found: { repository: 'docker.io/library/nginx' } })
    expect(first.config?.stopSignal).toBe('SIGQUIT')
  })

  it('resolves an image the registry does not have to found: undefined', () => {
    expect(new ImageResolver().resolve('helloimage').found).toBeUndefined()
  })

  it('marks a reference the kubelet refuses (InvalidImageName) and looks nothing up for it', () => {
    const r = new ImageResolver().resolve('Controller:Latest')
    expect(r.invalid?.reason).toBe('InvalidImageName')
    expect(r.found).toBeUndefined()
  })
})
