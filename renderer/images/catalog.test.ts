import { describe, expect, it } from 'vitest'
import type { CatalogImageView } from '../../main/contract'
import { defaultCommand, filterImages, imageSize, lookupQuery } from './catalog'

const image = (name: string, repository: string): CatalogImageView => ({
  repository,
  name,
  defaultTag: 'latest',
  tagPattern: 'latest',
  sizeBytes: 72188133,
  pullMs: 4812,
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  exposedPorts: [80],
  behaviour: { kind: 'serves' },
})
const IMAGES = [image('nginx', 'docker.io/library/nginx'), image('busybox', 'docker.io/library/busybox'), image('registry.k8s.io/pause', 'registry.k8s.io/pause')]

describe('the image catalog presenter', () => {
  it('filters by every word, on the short name or the repository; a tag in the search is the look-up’s business', () => {
    expect(filterImages(IMAGES, '').map((i) => i.name)).toEqual(['nginx', 'busybox', 'registry.k8s.io/pause'])
    expect(filterImages(IMAGES, 'NGI').map((i) => i.name)).toEqual(['nginx'])
    expect(filterImages(IMAGES, 'nginx:1.27').map((i) => i.name)).toEqual(['nginx'])
    expect(filterImages(IMAGES, 'docker.io box').map((i) => i.name)).toEqual(['busybox'])
    expect(filterImages(IMAGES, 'helloimage')).toEqual([])
  })

  it('looks up one word as an image reference, not a phrase', () => {
    expect(lookupQuery(' helloimage ')).toBe('helloimage')
    expect(lookupQuery('web server')).toBeUndefined()
    expect(lookupQuery('')).toBeUndefined()
  })

  it('shows the default command as ENTRYPOINT then CMD, quoting what has spaces', () => {
    expect(defaultCommand(IMAGES[0]!)).toBe('/docker-entrypoint.sh nginx -g "daemon off;"')
    expect(imageSize(IMAGES[0]!)).toBe('68.8Mi')
  })
})
