import { describe, expect, it } from 'vitest'
import { defaultPullPolicy, imageTag, invalidImageName, parseImage } from './image-name'

describe('InvalidImageName: the kubelet refuses a reference before any pull (1.32 image_manager.go applyDefaultImageTag)', () => {
  it('Controller:Latest (upper case) gets the exact InspectFailed text', () => {
    expect(invalidImageName('Controller:Latest')).toEqual({
      reason: 'InvalidImageName',
      eventReason: 'InspectFailed',
      message:
        'Failed to apply default image tag "Controller:Latest": couldn\'t parse image name "Controller:Latest": invalid reference format: repository name (library/Controller) must be lowercase',
    })
  })

  // Each rule of the grammar, with distribution/reference v0.6.0's own error text.
  it.each([
    ['myorg/Controller:1.0', 'invalid reference format: repository name (myorg/Controller) must be lowercase'],
    ['nginx:1.27 ', 'invalid reference format'],
    ['nginx::1.27', 'invalid reference format'],
    ['ko://github.com/tektoncd/operator/cmd/webhook', 'invalid reference format'],
    ['<your-private-image>', 'invalid reference format'],
    ['gcr.io/<project>/job-wq-1', 'invalid reference format'],
    ['nginx:-bad', 'invalid reference format'],
    [`nginx:${'a'.repeat(129)}`, 'invalid reference format'],
    ['-nginx', 'invalid reference format'],
    ['nginx@sha256:abc', 'invalid reference format'],
    [`nginx@sha256:${'a'.repeat(63)}`, 'invalid checksum digest length'],
    [`nginx@md5:${'a'.repeat(32)}`, 'unsupported digest algorithm'],
    [`nginx@sha256:${'A'.repeat(64)}`, 'invalid checksum digest format'],
    ['a'.repeat(64).replace(/a/g, 'f'), `invalid repository name (${'f'.repeat(64)}), cannot specify 64-byte hexadecimal strings`],
    [`registry.example.com/${'a'.repeat(256)}`, 'repository name must not be more than 255 characters'],
    // Normalised to docker.io/library/ first, so an empty name is a format error, not NameEmpty.
    ['', 'invalid reference format'],
    ['Registry.example.com:5000/App', 'invalid reference format: repository name (App) must be lowercase'],
  ])('%j: %s', (image, why) => {
    const q = JSON.stringify(image)
    expect(invalidImageName(image)?.message).toBe(`Failed to apply default image tag ${q}: couldn't parse image name ${q}: ${why}`)
  })

  it.each(['nginx', 'nginx:1.27', 'Registry.example.com/app', 'localhost:5000/app', `nginx:1.27@sha256:${'a'.repeat(64)}`, 'docker.io/library/busybox:1.28', 'nginx:Latest'])(
    '%s is a valid reference',
    (image) => expect(invalidImageName(image)).toBeUndefined(),
  )

  it('quotes the reference as Go %q does', () => {
    expect(invalidImageName('a\tb')?.message).toBe('Failed to apply default image tag "a\\tb": couldn\'t parse image name "a\\tb": invalid reference format')
  })
})

describe('image pull policy (SetDefaults_Container: Always for :latest or no tag)', () => {
  it.each([
    ['nginx', 'latest', 'Always'],
    ['nginx:latest', 'latest', 'Always'],
    ['nginx:1.25', '1.25', 'IfNotPresent'],
    [`nginx@sha256:${'a'.repeat(64)}`, '', 'IfNotPresent'],
    ['Controller:Latest', null, 'IfNotPresent'],
  ] as const)('%s has tag %j -> %s', (image, tag, policy) => {
    expect(imageTag(image)).toBe(tag)
    expect(defaultPullPolicy(image)).toBe(policy)
  })
})

describe('parseImage (containerd names)', () => {
  it('keeps a digest and drops nothing: docker.io/library/nginx@sha256:...', () => {
    const d = `sha256:${'a'.repeat(64)}`
    expect(parseImage(`nginx@${d}`)).toEqual({ given: `nginx@${d}`, full: `docker.io/library/nginx@${d}`, repository: 'docker.io/library/nginx', tag: '', digest: d })
    expect(parseImage(`nginx:1.25@${d}`)).toMatchObject({ full: 'docker.io/library/nginx:1.25', tag: '1.25', digest: d })
  })

  it('keeps an unparsable reference as given, naming no repository the registry has', () => {
    expect(parseImage('Controller:Latest')).toEqual({ given: 'Controller:Latest', full: 'Controller:Latest', repository: 'Controller:Latest', tag: '' })
  })
})
