import { describe, expect, it } from 'vitest'
import { findImage, parseImage } from './image-catalog'

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
