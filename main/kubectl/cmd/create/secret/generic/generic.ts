// `kubectl create secret generic NAME [--from-literal=k=v] [--from-file=[key=]path] [--from-env-file=path]
// [--type=T]`, after kubectl pkg/cmd/create/create_secret.go (v0.32.5). Values are stored base64-encoded (a
// Secret's data is bytes).

import type { KubeObject } from '../../../../../kube'
import type { FlagSpec } from '../../../../../gostd/pflag'
import { goQuote } from '../../../../../gostd/gofmt'
import type { Command } from '../../../command'
import { CREATE_FLAGS } from '../../create-options'
import { runDataKind, SOURCE_FLAGS, type DataKind } from '../../data-kind'
import { SECRETS } from '../../kinds'
import { configMapKeyErrors } from '../../sources'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [...CREATE_FLAGS, ...SOURCE_FLAGS, { long: 'type', type: 'string' }]

/** createSecret: literals, then files, then env files, each key checked as it is added; the type only when given. */
const SECRET: DataKind = {
  path: 'kubectl create secret generic',
  flags: FLAGS,
  ref: SECRETS,
  order: { literalsFirst: true, envDirectory: 'env secret file cannot be a directory' },
  failurePrefix: 'failed to create secret ',
  add(data, { key, value }) {
    const errs = configMapKeyErrors(key)
    if (errs.length > 0) return `error: ${goQuote(key)} is not valid key name for a Secret ${errs.join(';')}\n`
    if (Object.hasOwn(data, key)) return `error: cannot add key ${key}, another key by that name already exists\n`
    data[key] = Buffer.from(value, 'utf8').toString('base64')
    return undefined
  },
  build: (name, namespace, data, flags) => {
    const type = (flags.type as string | undefined) ?? ''
    const metadata = { name, ...(namespace ? { namespace } : {}), creationTimestamp: null }
    return { kind: 'Secret', apiVersion: 'v1', metadata, ...(data ? { data } : {}), ...(type ? { type } : {}) } as unknown as KubeObject
  },
}

export const createSecretGenericCommand: Command = {
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: (io, args, flags, globals) => runDataKind(SECRET, io, args, flags, globals),
}
