// `kubectl create configmap NAME [--from-literal=k=v] [--from-file=[key=]path] [--from-env-file=path]`, after
// kubectl pkg/cmd/create/create_configmap.go (v0.32.5).

import type { KubeObject } from '../../../../kube'
import type { FlagSpec } from '../../../../gostd/pflag'
import { goQuote } from '../../../../gostd/gofmt'
import type { Command } from '../../command'
import { CREATE_FLAGS } from '../create-options'
import { runDataKind, SOURCE_FLAGS, type DataKind } from '../data-kind'
import { CONFIGMAPS } from '../kinds'
import { configMapKeyErrors } from '../sources'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [...CREATE_FLAGS, ...SOURCE_FLAGS]

/** createConfigMap: files, then literals, then env files into data (files read as text), each key checked as added. */
const CONFIGMAP: DataKind = {
  path: 'kubectl create configmap',
  flags: FLAGS,
  ref: CONFIGMAPS,
  order: { literalsFirst: false, envDirectory: 'env config file cannot be a directory' },
  failurePrefix: 'failed to create configmap: ',
  add(data, { key, value }, name) {
    const errs = configMapKeyErrors(key)
    if (errs.length > 0) return `error: ${goQuote(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}\n`
    if (Object.hasOwn(data, key)) return `error: cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(name)}\n`
    data[key] = value
    return undefined
  },
  build: (name, namespace, data) =>
    ({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null }, ...(data ? { data } : {}) }) as unknown as KubeObject,
}

export const createConfigMapCommand: Command = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: (io, args, flags, globals) => runDataKind(CONFIGMAP, io, args, flags, globals),
}
