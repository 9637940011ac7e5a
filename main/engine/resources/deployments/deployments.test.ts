import { describe, expect, it } from 'vitest'
import type { Deployment } from '../../api/apps/types'
import { isApiError } from '../../api/errors'
import { openCluster } from '../../open-cluster'
import { tmpFile } from '../../testing/cluster'
import { deploymentTable } from './table'

/** `kubectl create deployment web --image=nginx --replicas=3 --dry-run=client -o yaml` (kubectl 1.32.4), as JSON. */
const WEB = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { creationTimestamp: null, labels: { app: 'web' }, name: 'web' },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    strategy: {},
    template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ image: 'nginx', name: 'nginx', resources: {} }] } },
  },
  status: {},
}

const web = (patch: (d: any) => void = () => {}): any => {
  const d = structuredClone(WEB)
  patch(d)
  return d
}

function message(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    if (isApiError(e)) return e.message
    throw e
  }
  return ''
}

describe('Deployment kind (apps/v1)', () => {
  it('kubectl create deployment manifest: 1.32 defaults, generation 1, empty status', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const d = engine.create(web()) as Deployment
    expect(d.metadata.generation).toBe(1)
    expect(d.spec).toMatchObject({
      replicas: 3,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    })
    expect(d.spec.template.spec).toMatchObject({
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
    })
    expect(d.spec.template.spec.containers[0]).toMatchObject({ imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' })
    expect(d.status?.observedGeneration).toBeUndefined()
    engine.close()
  })

  it('replicas defaults to 1; Recreate gets no rollingUpdate', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const d = engine.create(web((d) => { delete d.spec.replicas; d.spec.strategy = { type: 'Recreate' } })) as Deployment
    expect(d.spec.replicas).toBe(1)
    expect(d.spec.strategy).toEqual({ type: 'Recreate' })
    engine.close()
  })

  it.each([
    ['negative replicas', (d: any) => { d.spec.replicas = -1 }, 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ['selector vs template labels', (d: any) => { d.spec.template.metadata.labels = { app: 'other' } }, 'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`'],
    ['empty selector', (d: any) => { d.spec.selector = { matchLabels: {} } }, 'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
    ['restartPolicy OnFailure', (d: any) => { d.spec.template.spec.restartPolicy = 'OnFailure' }, 'Deployment.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
    ['unknown strategy type', (d: any) => { d.spec.strategy = { type: 'Blue' } }, 'Deployment.apps "web" is invalid: spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"Blue", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"'],
    ['Recreate with rollingUpdate', (d: any) => { d.spec.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }, "Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ['maxUnavailable and maxSurge both 0', (d: any) => { d.spec.strategy = { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }, 'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0'],
    ['both 0% as strings', (d: any) => { d.spec.strategy = { rollingUpdate: { maxSurge: '0%', maxUnavailable: '0%' } } }, 'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0'],
    ['maxUnavailable over 100%', (d: any) => { d.spec.strategy = { rollingUpdate: { maxUnavailable: '110%' } } }, 'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: must not be greater than 100%'],
    ['maxSurge not a percent', (d: any) => { d.spec.strategy = { rollingUpdate: { maxSurge: '2x' } } }, "Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"2x\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"],
    ['negative maxSurge', (d: any) => { d.spec.strategy = { rollingUpdate: { maxSurge: -1 } } }, 'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0'],
    ['negative revisionHistoryLimit', (d: any) => { d.spec.revisionHistoryLimit = -2 }, 'Deployment.apps "web" is invalid: spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0'],
    ['progressDeadlineSeconds not above minReadySeconds', (d: any) => { d.spec.minReadySeconds = 30; d.spec.progressDeadlineSeconds = 30 }, 'Deployment.apps "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds'],
  ])('%s: the API server answers as 1.32 does', (_name, patch, want) => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    expect(message(() => engine.create(web(patch)))).toBe(want)
    engine.close()
  })

  it('no selector: Required, and the template no longer matches (LabelSelectorAsSelector(nil) is Nothing)', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    expect(message(() => engine.create(web((d) => delete d.spec.selector)))).toBe(
      'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`]',
    )
    engine.close()
  })

  it('apps/v1 selector is immutable', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(web())
    const changed = web((d) => {
      d.spec.selector = { matchLabels: { app: 'web', tier: 'x' } }
      d.spec.template.metadata.labels = { app: 'web', tier: 'x' }
    })
    expect(message(() => engine.update(changed))).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    )
    engine.close()
  })

  it('generation: bumped by a spec change and by an annotation change, not by labels or status', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(web())
    const gen = () => (engine.get('deployments', 'default', 'web') as Deployment).metadata.generation
    const patch = (p: unknown) => engine.patch('deployments', 'default', 'web', 'merge', p)
    patch({ metadata: { labels: { extra: 'x' } } })
    expect(gen()).toBe(1)
    patch({ spec: { replicas: 5 } })
    expect(gen()).toBe(2)
    patch({ metadata: { annotations: { note: 'x' } } })
    expect(gen()).toBe(3)
    engine.patch('deployments', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } })
    expect(gen()).toBe(4)
    engine.close()
  })

  it('discovery: deployments.apps, short name deploy, category all', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    expect(engine.resources().find((r) => r.resource === 'deployments')).toMatchObject({ group: 'apps', version: 'v1', kind: 'Deployment', shortNames: ['deploy'], categories: ['all'], namespaced: true })
    engine.close()
  })

  it('Table: NAME READY UP-TO-DATE AVAILABLE AGE, wide CONTAINERS IMAGES SELECTOR (TestPrintDeployment)', () => {
    const d = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'test1', creationTimestamp: '2025-01-01T00:00:00Z' },
      spec: {
        replicas: 5,
        selector: { matchLabels: { foo: 'bar' } },
        template: { spec: { containers: [{ name: 'fake-container1', image: 'fake-image1' }, { name: 'fake-container2', image: 'fake-image2' }] } },
      },
      status: { replicas: 10, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 4 },
    } as Deployment
    const now = Date.UTC(2025, 0, 1)
    expect(deploymentTable([d], now, '1', false).rows[0]?.cells).toEqual(['test1', '0/5', 2, 1, '0s'])
    const wide = deploymentTable([d], now, '1', true)
    expect(wide.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector'])
    expect(wide.rows[0]?.cells).toEqual(['test1', '0/5', 2, 1, '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'foo=bar'])
  })
})
