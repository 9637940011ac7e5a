import { describe, expect, it } from 'vitest'
import { previewImage } from './preview'

describe('previewImage', () => {
  it('says the notes `helloimage` does not exist, with the pull error containerd gives the kubelet', () => {
    const preview = previewImage('helloimage')
    expect(preview).toMatchObject({ verdict: 'missing', reference: 'docker.io/library/helloimage:latest' })
    expect(preview.verdict === 'missing' && preview.message).toMatch(/^rpc error: code = \w+ desc = failed to pull and unpack image "docker.io\/library\/helloimage:latest"/)
  })

  it('says nginx serves until stopped and busybox exits at once (its default cmd is sh)', () => {
    expect(previewImage('nginx')).toMatchObject({ verdict: 'serves', reference: 'docker.io/library/nginx:latest' })
    expect(previewImage('busybox')).toMatchObject({ verdict: 'exits', exitCode: 0, cmd: ['sh'] })
  })

  it('says a tag the repository never published does not exist', () => {
    expect(previewImage('nginx:1.999')).toMatchObject({ verdict: 'missing' })
  })

  it('refuses an invalid reference as the kubelet does (InvalidImageName)', () => {
    expect(previewImage('NGINX')).toMatchObject({ verdict: 'invalid' })
    expect(previewImage('NGINX').verdict === 'invalid' && (previewImage('NGINX') as { message: string }).message).toContain('Failed to apply default image tag "NGINX"')
  })
})
