// The kinds the create subcommands generate, as kubectl's scheme knows them (compiled in, so a client dry run
// needs no discovery): what the name printer and the engine's create need of each.

import type { ResourceRef } from '../../../engine'

export const APPS_DEPLOYMENTS: ResourceRef = { resource: 'deployments', group: 'apps', version: 'v1', kind: 'Deployment', namespaced: true }
export const BATCH_JOBS: ResourceRef = { resource: 'jobs', group: 'batch', version: 'v1', kind: 'Job', namespaced: true }
export const NAMESPACES: ResourceRef = { resource: 'namespaces', group: '', version: 'v1', kind: 'Namespace', namespaced: false }
export const CONFIGMAPS: ResourceRef = { resource: 'configmaps', group: '', version: 'v1', kind: 'ConfigMap', namespaced: true }
export const SECRETS: ResourceRef = { resource: 'secrets', group: '', version: 'v1', kind: 'Secret', namespaced: true }
// Kinds Podlab does not serve yet: their create subcommands print them on a client dry run only.
export const BATCH_CRONJOBS: ResourceRef = { resource: 'cronjobs', group: 'batch', version: 'v1', kind: 'CronJob', namespaced: true }
export const SERVICE_ACCOUNTS: ResourceRef = { resource: 'serviceaccounts', group: '', version: 'v1', kind: 'ServiceAccount', namespaced: true }
