// describe.go ConfigMapDescriber and SecretDescriber (v0.32.5). kubectl walks a Go map for the data, in random
// order; Podlab prints the keys sorted, one of the orders kubectl may print.

import type { KubeObject } from '../../../kube'
import { decodeStdBase64 } from '../../../gostd/base64'
import type { DescribeContext } from './describer'
import { describeEvents } from './events'
import { printAnnotationsMultiline, printLabelsMultiline, sortedKeys } from './format'
import { LEVEL_0, tabbedString } from './prefix-writer'
import { eventsFor } from './replicaset'

interface ConfigMap extends KubeObject {
  data?: Record<string, string>
  binaryData?: Record<string, string>
}

interface Secret extends KubeObject {
  type?: string
  data?: Record<string, string>
}

/** The bytes of a base64 value as the API server stored it (it only stores valid base64). */
function decoded(b64: string): Uint8Array {
  const result = decodeStdBase64(new TextEncoder().encode(b64))
  return result.ok ? result.bytes : new Uint8Array()
}

const decodedLength = (b64: string): number => decoded(b64).length

export function describeConfigMapByName(ctx: DescribeContext, namespace: string, name: string): string {
  const cm = ctx.engine.get('configmaps', namespace, name) as ConfigMap
  // ConfigMapDescriber searches events inside its writer: a failed LIST is its error.
  const events = ctx.settings.showEvents ? eventsFor(ctx, cm) : undefined
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', cm.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations)
    w.write(LEVEL_0, '\nData\n====\n')
    for (const k of sortedKeys(cm.data)) {
      w.write(LEVEL_0, `${k}:\n----\n`)
      w.write(LEVEL_0, `${cm.data![k]}\n`)
      w.write(LEVEL_0, '\n')
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n')
    for (const k of sortedKeys(cm.binaryData)) w.write(LEVEL_0, `${k}: ${decodedLength(cm.binaryData![k]!)} bytes\n`)
    w.write(LEVEL_0, '\n')
    if (events) describeEvents(events, w, ctx.nowMs)
  })
}

export function describeSecretByName(ctx: DescribeContext, namespace: string, name: string): string {
  const secret = ctx.engine.get('secrets', namespace, name) as Secret
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', secret.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', secret.metadata.annotations)
    w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`)
    w.write(LEVEL_0, '\nData\n====\n')
    for (const k of sortedKeys(secret.data)) {
      if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${new TextDecoder().decode(decoded(secret.data![k]!))}\n`)
      else w.write(LEVEL_0, `${k}:\t${decodedLength(secret.data![k]!)} bytes\n`)
    }
  })
}
