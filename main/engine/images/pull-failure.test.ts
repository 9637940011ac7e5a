import { describe, expect, it } from 'vitest'
import { pullFailure, pullFailureFor } from './catalog'
import { parseImage } from './image-name'
import { failedToPullMessage } from './pull-failure'

const fail = (image: string) => pullFailure(parseImage(image))

describe('pull failures in containerd and kubelet words (not found, unauthorized, bad tag)', () => {
  it('a tag the repository lacks: NotFound, "<ref>: not found"', () => {
    expect(fail('nginx:1.999')).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found',
    )
  })

  it("the notes' helloimage (no such Docker Hub repository): Unknown, pull access denied", () => {
    expect(fail('helloimage')).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/helloimage:latest": failed to resolve reference "docker.io/library/helloimage:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    )
  })

  it('the kubelet event puts the reference as given in front', () => {
    expect(failedToPullMessage('helloimage', pullFailureFor(parseImage('helloimage')))).toMatch(
      /^Failed to pull image "helloimage": rpc error: code = Unknown desc = failed to pull and unpack image "docker\.io\/library\/helloimage:latest": /,
    )
  })

  it('a digest the repository never published: not found by digest', () => {
    const d = `sha256:${'0'.repeat(64)}`
    expect(fail(`nginx:1.27@${d}`)).toBe(
      `rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx@${d}": failed to resolve reference "docker.io/library/nginx@${d}": docker.io/library/nginx@${d}: not found`,
    )
  })

  it('a private or missing gcr.io repository (the docs placeholder gcr.io/myproject/job-wq-2): the anonymous token is refused', () => {
    expect(fail('gcr.io/myproject/job-wq-2')).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "gcr.io/myproject/job-wq-2:latest": failed to resolve reference "gcr.io/myproject/job-wq-2:latest": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://gcr.io/v2/token?scope=repository%3Amyproject%2Fjob-wq-2%3Apull&service=gcr.io: 403 Forbidden',
    )
  })

  it('a registry answering 401 for a repository it does not serve (quay.io)', () => {
    expect(fail('quay.io/someone/app:v1')).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "quay.io/someone/app:v1": failed to resolve reference "quay.io/someone/app:v1": pulling from host quay.io failed with status code [manifests v1]: 401 UNAUTHORIZED',
    )
  })

  it('a repository registry.k8s.io lacks: not found', () => {
    expect(pullFailureFor(parseImage('registry.k8s.io/no-such-image:1.0'))).toMatchObject({ kind: 'not-found', code: 'NotFound' })
  })

  it('a registry host that does not resolve, from a kind node', () => {
    expect(fail('myregistry.example:5000/team/app:2')).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "myregistry.example:5000/team/app:2": failed to resolve reference "myregistry.example:5000/team/app:2": failed to do request: Head "https://myregistry.example:5000/v2/team/app/manifests/2": dial tcp: lookup myregistry.example on 172.18.0.1:53: no such host',
    )
  })

  it('a local registry nothing listens for on the node', () => {
    expect(fail('localhost:5000/app')).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "localhost:5000/app:latest": failed to resolve reference "localhost:5000/app:latest": failed to do request: Head "http://localhost:5000/v2/app/manifests/latest": dial tcp 127.0.0.1:5000: connect: connection refused',
    )
  })
})
