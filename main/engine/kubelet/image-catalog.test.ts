import { describe, expect, it } from 'vitest'
import { findImage, parseImage, pullFailure } from './image-catalog'

// containerd normalises references with docker.io/library/ and :latest (the names `kubectl get pod -o yaml`
// shows in containerStatuses[].image on a kind cluster).
describe('image references', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['bitnami/redis', 'docker.io/bitnami/redis:latest'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
  ])('%s -> %s', (given, full) => expect(parseImage(given).full).toBe(full))

  it('knows nginx and not the seed notes\' helloimage', () => {
    expect(findImage(parseImage('nginx'))).toBeDefined()
    expect(findImage(parseImage('helloimage'))).toBeUndefined()
  })
})

describe('tags and digests (a tag the repository never published does not exist)', () => {
  it.each(['nginx:1.27', 'nginx:1.27.3-alpine', 'nginx:stable', 'busybox:1.36', 'redis:7.4-alpine', 'postgres:17', 'ubuntu:24.04'])(
    '%s exists',
    (image) => expect(findImage(parseImage(image))).toBeDefined(),
  )

  it.each(['nginx:1.999-does-not-exist', 'nginx:2.0', 'busybox:latests'])('%s does not', (image) => {
    expect(findImage(parseImage(image))).toBeUndefined()
  })

  it('says "not found" for a missing tag and "pull access denied" for a missing repository', () => {
    expect(pullFailure(parseImage('nginx:1.999'))).toBe(
      'failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found',
    )
    expect(pullFailure(parseImage('helloimage'))).toMatch(/"docker\.io\/library\/helloimage:latest": pull access denied, repository does not exist/)
  })

  it('accepts a pinned digest only when it is the published one', () => {
    const nginx = findImage(parseImage('nginx'))
    expect(findImage(parseImage(`nginx@${nginx?.digest}`))).toBe(nginx)
    expect(findImage(parseImage(`nginx@sha256:${'0'.repeat(64)}`))).toBeUndefined()
  })
})
