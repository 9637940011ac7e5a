import { describe, expect, it } from 'vitest'
import { lookUp } from '../catalog'
import { parseImage } from '../image-name'
import { OFFICIAL_IMAGES } from './official-images'

// Official images whose Docker Hub repository has no `latest` tag: Elastic's images are published only by version
// (docker-library/official-images library/{elasticsearch,kibana,logstash} at 37079fb, 2026-08-21), and
// `docker pull elasticsearch` answers `manifest for elasticsearch:latest not found`; were they to join the
// catalog, `image: elasticsearch` must fail here too. mongo is not one of them: its library file stopped listing
// `latest` on 2026-08-03, but Docker Hub keeps a tag the library file no longer lists.
const NO_LATEST_UPSTREAM = new Set(['elasticsearch', 'kibana', 'logstash'])

const LIBRARY = 'docker.io/library/'
const names = OFFICIAL_IMAGES.filter((i) => i.repository.startsWith(LIBRARY)).map((i) => i.repository.slice(LIBRARY.length))

describe('an official image named without a tag resolves to :latest, as on Docker Hub', () => {
  it('the catalog holds the official images the docs pull', () => {
    expect(names).toEqual(expect.arrayContaining(['nginx', 'busybox', 'mongo', 'redis', 'mysql', 'postgres']))
  })

  it.each(names.filter((n) => !NO_LATEST_UPSTREAM.has(n)))('`image: %s` pulls the latest tag', (name) => {
    const found = lookUp(parseImage(name))
    expect(found?.image.repository).toBe(`${LIBRARY}${name}`)
    // The published digest is the one of `latest`: the tag a bare name means is the catalog's default tag.
    expect(found?.image.defaultTag).toBe('latest')
    expect(found?.digest).toBe(lookUp(parseImage(`${name}:latest`))?.digest)
  })

  it.each(names.filter((n) => NO_LATEST_UPSTREAM.has(n)))('`image: %s` does not pull: upstream has no latest', (name) => {
    expect(lookUp(parseImage(name))).toBeUndefined()
  })
})

describe('mongo: latest is the last one official-images listed (8.2.12), other minors keep their own builds', () => {
  it.each([
    ['mongo', '8.2.12'],
    ['mongo:8', '8.2.12'],
    ['mongo:noble', '8.2.12'],
    ['mongo:8.0', '8.0.29'],
    ['mongo:8.3.8', '8.3.8'],
    ['mongo:4.2', '4.2.24'],
  ])('%s runs MongoDB %s', (ref, version) => {
    expect(lookUp(parseImage(ref))?.config.env.MONGO_VERSION).toBe(version)
  })
})
