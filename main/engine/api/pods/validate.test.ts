import { describe, expect, it } from 'vitest'
import { createRng, seedState } from '../../runtime/rng'
import { invalid } from '../errors'
import { fieldErrorText } from '../field'
import { admitPod, admitPodUpdate } from './admission'
import { applyPodDefaults } from './defaults'
import type { Pod } from './types'
import { validatePod, validatePodUpdate } from './validate'
import { UPDATABLE_POD_SPEC_FIELDS } from './validation/update'

/** What the API server does before validating a create: defaults, then admission. */
function created(spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'x' }): Pod {
  const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default', ...metadata }, spec: spec as Pod['spec'] }
  applyPodDefaults(pod)
  admitPod(pod, { rng: createRng(seedState('3')) })
  return pod
}
const errors = (pod: Pod) => validatePod(pod).map(fieldErrorText)
const c = (extra: Record<string, unknown> = {}) => ({ name: 'web', image: 'nginx', ...extra })

describe('validatePod (ValidatePodCreate, kubernetes v1.32.1 validation.go)', () => {
  const cases: Array<[string, Pod, string[]]> = [
    ['a plain pod is valid', created({ containers: [c({ ports: [{ containerPort: 80, name: 'http' }] })] }), []],
    ['no containers', created({ containers: [] }), ['spec.containers: Required value']],
    [
      '§11(d) with --validate=false: an empty second container, name before image',
      created({ containers: [c(), {}] }),
      ['spec.containers[1].name: Required value', 'spec.containers[1].image: Required value'],
    ],
    ['§11(f) missing image', created({ containers: [{ name: 'web' }] }), ['spec.containers[0].image: Required value']],
    [
      '§11(g) container name must be a DNS-1123 label',
      created({ containers: [c({ name: 'Web_App' })] }),
      [
        "spec.containers[0].name: Invalid value: \"Web_App\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
    ['duplicate container names (field.Duplicate)', created({ containers: [c(), c()] }), ['spec.containers[1].name: Duplicate value: "web"']],
    [
      'restartPolicy values (validateRestartPolicy)',
      created({ containers: [c()], restartPolicy: 'Sometimes' }),
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      'containerPort range (IsValidPortNum)',
      created({ containers: [c({ ports: [{ containerPort: 70000 }] })] }),
      ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ],
    [
      'protocol values, listed sorted (sets.List)',
      created({ containers: [c({ ports: [{ containerPort: 80, protocol: 'HTTP' }] })] }),
      ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
    ],
    [
      'duplicate port names',
      created({ containers: [c({ ports: [{ containerPort: 80, name: 'web' }, { containerPort: 81, name: 'web' }] })] }),
      ['spec.containers[0].ports[1].name: Duplicate value: "web"'],
    ],
    [
      'liveness successThreshold must be 1, §4',
      created({ containers: [c({ livenessProbe: { httpGet: { port: 80 }, successThreshold: 2 } })] }),
      ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
    ],
    [
      'readiness may not set terminationGracePeriodSeconds (§4 text, confirmed)',
      created({ containers: [c({ readinessProbe: { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 5 } })] }),
      ['spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 5: must not be set for readinessProbes'],
    ],
    [
      'a probe needs a handler',
      created({ containers: [c({ startupProbe: { periodSeconds: 5 } })] }),
      ['spec.containers[0].startupProbe: Required value: must specify a handler type'],
    ],
    [
      'only one probe handler',
      created({ containers: [c({ livenessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 } } })] }),
      ['spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type'],
    ],
    [
      'a probe port name must be a valid IANA_SVC_NAME',
      created({ containers: [c({ livenessProbe: { httpGet: { port: 'HTTP' } } })] }),
      ['spec.containers[0].livenessProbe.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "HTTP": must contain at least one letter (a-z)'],
    ],
    [
      'mounting a volume that does not exist',
      created({ containers: [c({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })] }),
      ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ],
    [
      'requests above limits',
      created({ containers: [c({ resources: { limits: { cpu: '1' }, requests: { cpu: '2' } } })] }),
      ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'],
    ],
    [
      'an unknown resource name for a container; defaulting copied the limit into requests, so twice',
      created({ containers: [c({ resources: { limits: { cpus: '1' } } })] }),
      [
        'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource for containers',
        'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource for containers',
      ],
    ],
    [
      'imagePullPolicy values',
      created({ containers: [c({ imagePullPolicy: 'Sometimes' })] }),
      ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'],
    ],
    ['an image with spaces around it (validateContainersOnlyForPod)', created({ containers: [c({ image: 'nginx ' })] }), ['spec.containers[0].image: Invalid value: "nginx ": must not have leading or trailing whitespace']],
    [
      'init containers may not have probes unless restartPolicy=Always',
      created({ containers: [c()], initContainers: [{ name: 'init', image: 'busybox', readinessProbe: { exec: { command: ['true'] } } }] }),
      ['spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always'],
    ],
    ['an init container may not reuse a container name', created({ containers: [c()], initContainers: [{ name: 'web', image: 'busybox' }] }), ['spec.initContainers[0].name: Duplicate value: "web"']],
    [
      'a negative terminationGracePeriodSeconds is accepted in 1.32 (no such check in ValidatePodSpec)',
      created({ containers: [c()], terminationGracePeriodSeconds: -1 }),
      [],
    ],
    ['no name: metadata first', created({ containers: [c()] }, {}), ['metadata.name: Required value: name or generateName is required']],
    [
      'errors come in Kubernetes order: metadata, volumes, containers, restartPolicy, dnsPolicy',
      created({ containers: [{ image: '' }], restartPolicy: 'x', dnsPolicy: 'y', volumes: [{ name: 'Data' }] }, { name: 'Bad_Name' }),
      [
        expect.stringMatching(/^metadata\.name: Invalid value: "Bad_Name"/) as unknown as string,
        expect.stringMatching(/^spec\.volumes\[0\]\.name: Invalid value: "Data"/) as unknown as string,
        'spec.containers[0].name: Required value',
        'spec.containers[0].image: Required value',
        'spec.restartPolicy: Unsupported value: "x": supported values: "Always", "OnFailure", "Never"',
        'spec.dnsPolicy: Unsupported value: "y": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
      ],
    ],
  ]
  it.each(cases)('%s', (_n, pod, expected) => {
    expect(errors(pod)).toEqual(expected)
  })

  it('renders as kubectl shows it, §11(d): `Pod "x" is invalid: [e1, e2]`', () => {
    const err = invalid('Pod', 'x', validatePod(created({ containers: [c(), {}] })))
    expect(err.message).toBe('Pod "x" is invalid: [spec.containers[1].name: Required value, spec.containers[1].image: Required value]')
  })
})

describe('validatePodUpdate (ValidatePodUpdate, v1.32.1 updatablePodSpecFields)', () => {
  const stored = (): Pod => {
    const p = created({ containers: [c()] })
    p.metadata.resourceVersion = '5'
    p.metadata.uid = 'u1'
    return p
  }
  const update = (mutate: (p: Pod) => void): string[] => {
    const prev = stored()
    const next = structuredClone(prev)
    mutate(next)
    applyPodDefaults(next)
    admitPodUpdate(next, prev)
    return validatePodUpdate(next, prev).map(fieldErrorText)
  }

  it('allows a new image', () => {
    expect(update((p) => void ((p.spec.containers[0] as { image: string }).image = 'nginx:1.27'))).toEqual([])
  })
  it('refuses any other spec change with the 1.32 field list', () => {
    const errs = update((p) => void (p.spec.containers[0]!.ports = [{ containerPort: 80 }]))
    expect(errs).toHaveLength(1)
    expect(errs[0]).toMatch(
      /^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` \(only additions to existing tolerations\),`spec.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n/,
    )
    expect(errs[0]).toContain('spec.containers[0].ports')
  })
  it('refuses adding a container before anything else', () => {
    expect(update((p) => p.spec.containers.push(c({ name: 'two' })))).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers'])
  })
  it('requires metadata.resourceVersion', () => {
    expect(update((p) => delete p.metadata.resourceVersion)).toEqual(['metadata.resourceVersion: Invalid value: "": must be specified for an update'])
  })
  it('keeps names immutable', () => {
    expect(update((p) => void (p.metadata.uid = 'u2'))).toEqual(['metadata.uid: Invalid value: "u2": field is immutable'])
  })
  it('tolerations: dropping the defaults is undone by DefaultTolerationSeconds, which also runs on update', () => {
    expect(update((p) => void (p.spec.tolerations = [{ key: 'a', operator: 'Exists' }]))).toEqual([])
  })
  it('tolerations: changing an existing one other than its tolerationSeconds is Forbidden', () => {
    const changed = { key: 'node.kubernetes.io/not-ready', operator: 'Equal' as const, value: 'x', effect: 'NoExecute' as const }
    expect(update((p) => void (p.spec.tolerations = [changed, p.spec.tolerations![1]!]))).toEqual([
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    ])
  })
  it('exports the field list verbatim', () => {
    expect(UPDATABLE_POD_SPEC_FIELDS).toHaveLength(5)
  })
})
