import { describe, expect, it } from 'vitest'
import { catalogEntries, lookUpImage, shortName } from './catalog-view'
import { CATALOG } from './catalog'

describe('the image catalog as the UI shows it', () => {
  it('lists every repository once, sorted by name, with what its default process does', () => {
    const entries = catalogEntries()
    expect(entries).toHaveLength(CATALOG.length)
    expect(entries.map((e) => e.name)).toEqual([...entries.map((e) => e.name)].sort())
    const nginx = entries.find((e) => e.name === 'nginx')
    expect(nginx).toMatchObject({ repository: 'docker.io/library/nginx', entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], behaviour: { kind: 'serves' } })
    expect(entries.find((e) => e.name === 'busybox')?.behaviour).toEqual({ kind: 'exits', exitCode: 0, afterMs: 10 })
  })

  it('hands out copies: a caller changing one does not change the next answer', () => {
    const first = catalogEntries()
    first[0]?.cmd.push('oops')
    expect(catalogEntries()[0]?.cmd).not.toContain('oops')
  })

  it('finds nginx:1.27, and answers for helloimage as Docker Hub does (pull access denied)', () => {
    expect(lookUpImage('nginx:1.27')).toEqual({ found: true, repository: 'docker.io/library/nginx', tag: '1.27' })
    expect(lookUpImage('helloimage')).toMatchObject({ found: false, repositoryKnown: false, registryAnswer: expect.stringContaining('pull access denied') })
  })

  it('tells a missing tag of a known repository from a missing repository', () => {
    expect(lookUpImage('nginx:1.999')).toMatchObject({ found: false, repositoryKnown: true, registryAnswer: expect.stringContaining('docker.io/library/nginx:1.999: not found') })
  })

  it('answers an unparsable reference with the kubelet’s InvalidImageName text', () => {
    expect(lookUpImage('NGINX')).toMatchObject({ found: false, invalid: expect.stringMatching(/^Failed to apply default image tag "NGINX": /) })
  })

  it('writes names as a manifest does', () => {
    expect(['docker.io/library/nginx', 'docker.io/hashicorp/http-echo', 'registry.k8s.io/pause'].map(shortName)).toEqual(['nginx', 'hashicorp/http-echo', 'registry.k8s.io/pause'])
  })
})
