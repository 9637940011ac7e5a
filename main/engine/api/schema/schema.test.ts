import { describe, expect, it } from 'vitest'
import { knownKinds, lookupPatchMeta, typeForKind, typeSpec } from './index'

describe('schema generated from the 1.32 OpenAPI spec', () => {
  it('maps the root kinds to their definitions (kinds listed in scripts/schema/gen-schema.mjs ROOTS)', () => {
    expect(knownKinds()).toEqual(
      expect.arrayContaining(['v1/Pod', 'v1/Node', 'v1/Namespace', 'v1/Event', 'v1/Service', 'apps/v1/Deployment', 'apps/v1/ReplicaSet', 'batch/v1/Job', 'events.k8s.io/v1/Event']),
    )
    expect(typeForKind('v1', 'Pod')).toBe('core.v1.Pod')
    expect(typeForKind('app/v1', 'Deployment')).toBeUndefined()
  })

  // [field, type, shape kind, Go type] — Go types from k8s.io/api v0.32.0 core/v1/types.go.
  const cases: Array<[string, string, string, string]> = [
    ['core.v1.Pod', 'metadata', 'struct', 'v1.ObjectMeta'],
    ['core.v1.PodSpec', 'containers', 'list', '[]v1.Container'],
    ['core.v1.PodSpec', 'restartPolicy', 'scalar', 'v1.RestartPolicy'],
    ['core.v1.PodSpec', 'terminationGracePeriodSeconds', 'scalar', 'int64'],
    ['core.v1.PodSpec', 'nodeSelector', 'map', 'map[string]string'],
    ['core.v1.ContainerPort', 'containerPort', 'scalar', 'int32'],
    ['core.v1.ContainerPort', 'protocol', 'scalar', 'v1.Protocol'],
    ['core.v1.ResourceRequirements', 'limits', 'map', 'v1.ResourceList'],
    ['meta.v1.ObjectMeta', 'labels', 'map', 'map[string]string'],
    ['meta.v1.ObjectMeta', 'uid', 'scalar', 'types.UID'],
    ['apps.v1.DeploymentSpec', 'template', 'struct', 'v1.PodTemplateSpec'],
  ]
  it.each(cases)('%s.%s is a %s printed by Go as %s', (type, field, kind, goType) => {
    const spec = typeSpec(type)?.fields.get(field)
    expect(spec?.shape.kind).toBe(kind)
    expect(spec?.goType).toBe(goType)
  })

  it('folds inline embedded structs the way encoding/json does (Probe embeds ProbeHandler; Volume embeds VolumeSource)', () => {
    expect(typeSpec('core.v1.Probe')?.fields.has('httpGet')).toBe(true)
    expect(typeSpec('core.v1.Volume')?.fields.has('emptyDir')).toBe(true)
    expect(typeSpec('core.v1.Container')?.fields.has('containerPort')).toBe(false)
  })

  it('keeps the Go struct name for error messages (`Go struct field PodSpec.spec.containers`)', () => {
    expect(typeSpec('core.v1.PodSpec')?.go).toBe('PodSpec')
  })

  // [type, path, strategies, merge key] — from the 1.32 spec's x-kubernetes-patch-strategy / -merge-key.
  const patchCases: Array<[string, string, string[], string]> = [
    ['io.k8s.api.core.v1.Pod', 'spec.containers', ['merge'], 'name'],
    ['core.v1.Pod', 'spec.containers.ports', ['merge'], 'containerPort'],
    ['core.v1.Pod', 'spec.containers.env', ['merge'], 'name'],
    ['core.v1.Pod', 'spec.volumes', ['merge', 'retainKeys'], 'name'],
    ['core.v1.Pod', 'spec.tolerations', [], ''],
    ['core.v1.Pod', 'metadata.labels', [], ''],
    ['core.v1.Pod', 'metadata.finalizers', ['merge'], ''],
    ['core.v1.Pod', 'status.conditions', ['merge'], 'type'],
    ['apps.v1.Deployment', 'spec.strategy', ['retainKeys'], ''],
    ['apps.v1.Deployment', 'spec.template.spec.initContainers', ['merge'], 'name'],
    ['io.k8s.api.core.v1.Node', 'status.addresses', ['merge'], 'type'],
  ]
  it.each(patchCases)('lookupPatchMeta(%s, %s) is strategies %j merge key %j', (type, path, strategies, mergeKey) => {
    const meta = lookupPatchMeta(type, path)
    expect(meta?.strategies).toEqual(strategies)
    expect(meta?.mergeKey).toBe(mergeKey)
  })

  it('lookupPatchMeta is undefined for a field the type does not have', () => {
    expect(lookupPatchMeta('core.v1.Pod', 'spec.container')).toBeUndefined()
    expect(lookupPatchMeta('core.v1.Pod', 'metadata.labels.app')).toBeUndefined()
  })
})
