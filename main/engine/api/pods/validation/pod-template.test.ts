import { describe, expect, it } from 'vitest'
import { fieldErrorText } from '../../field'
import { validatePodTemplateSpec } from './pod-template'

describe('ValidatePodTemplateSpec (core validation.go)', () => {
  it('labels sit at <path>.labels, the spec at <path>.spec, ephemeral containers are forbidden', () => {
    const errs = validatePodTemplateSpec(
      {
        metadata: { labels: { 'bad key!': 'x' } },
        spec: { containers: [{ name: 'c', image: 'nginx' }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', ephemeralContainers: [{ name: 'e' }] } as never,
      },
      'spec.template',
    ).map(fieldErrorText)
    expect(errs[0]).toMatch(/^spec\.template\.labels: Invalid value: "bad key!"/)
    expect(errs).toContain('spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template')
  })

  it('a container without an image is reported under spec.template.spec.containers[0]', () => {
    const errs = validatePodTemplateSpec({ metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c' }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' } as never }, 'spec.template').map(fieldErrorText)
    expect(errs).toContain('spec.template.spec.containers[0].image: Required value')
  })
})
