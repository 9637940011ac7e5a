// SetObjectDefaults_Deployment (kubernetes v1.32 pkg/apis/apps/v1/defaults.go SetDefaults_Deployment, then the
// generated pod-template defaults): replicas 1, strategy RollingUpdate with maxUnavailable and maxSurge 25%,
// revisionHistoryLimit 10, progressDeadlineSeconds 600, and SetDefaults_PodSpec on the template.

import { applyPodSpecDefaults } from '../../pods/defaults'
import type { Deployment, RollingUpdateDeployment } from '../types'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Mutates `d` as decoding an apps/v1 Deployment into the API server does. */
export function applyDeploymentDefaults(d: Deployment): void {
  if (!isObj(d.spec)) d.spec = {} as Deployment['spec']
  const spec = d.spec
  if (spec.replicas == null) spec.replicas = 1
  if (!isObj(spec.strategy)) spec.strategy = {}
  const strategy = spec.strategy
  if (!strategy.type) strategy.type = 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') {
    if (!isObj(strategy.rollingUpdate)) strategy.rollingUpdate = {}
    const rolling = strategy.rollingUpdate as RollingUpdateDeployment
    if (rolling.maxUnavailable == null) rolling.maxUnavailable = '25%'
    if (rolling.maxSurge == null) rolling.maxSurge = '25%'
  }
  if (spec.revisionHistoryLimit == null) spec.revisionHistoryLimit = 10
  if (spec.progressDeadlineSeconds == null) spec.progressDeadlineSeconds = 600
  if (!isObj(spec.template)) spec.template = { spec: { containers: [] } }
  if (!isObj(spec.template.spec)) spec.template.spec = { containers: [] }
  applyPodSpecDefaults(spec.template.spec as unknown as Obj)
}
