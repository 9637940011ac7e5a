// POST pods/NAME/binding (pkg/registry/core/pod/storage/storage.go BindingREST.Create): what a scheduler posts to
// put a pod on a node. The Binding's name must be the URL's; ValidatePodBinding's errors come back as an
// aggregate, not a Status error, so the API server answers them as a 500 without a reason (ErrorToAPIStatus);
// the pod's own refusals (being deleted, already on a node, gated, a failed uid/resourceVersion precondition)
// are the engine's Conflicts. Success is 201 with a Success Status.

import type { KubeObject } from '../kube'
import { decodeObjectBody, readBody } from './body'
import type { HandlerContext } from './resources'
import { badRequest, DoorError } from './status'
import { writeOptions } from './write-options'

interface Binding extends KubeObject {
  target?: { kind?: unknown; name?: unknown }
}

/** ValidatePodBinding's errors, as `field: body` texts. */
export function validatePodBinding(binding: Binding): string[] {
  const errors: string[] = []
  const kind = typeof binding.target?.kind === 'string' ? binding.target.kind : ''
  const name = typeof binding.target?.name === 'string' ? binding.target.name : ''
  if (kind !== '' && kind !== 'Node') errors.push(`target.kind: Unsupported value: ${JSON.stringify(kind)}: supported values: "Node", "<empty>"`)
  if (name === '') errors.push('target.name: Required value')
  return errors
}

/** utilerrors.NewAggregate(...).Error(): one error as it is, several in brackets. */
const aggregate = (errors: readonly string[]): string => (errors.length === 1 ? (errors[0] as string) : `[${errors.join(', ')}]`)

/** Answers POST pods/NAME/binding. Throws DoorError (400, 422 options, 500 validation) and the engine's ApiErrors. */
export async function bindPod(ctx: HandlerContext, namespace: string, name: string): Promise<void> {
  const { dryRun } = writeOptions(ctx.query, 'CreateOptions')
  const binding = decodeObjectBody(await readBody(ctx.req, ctx.bodyLimit), ctx.req.headers['content-type'], 'Binding') as Binding
  const metadata = binding.metadata ?? {}
  if ((metadata.name ?? '') !== name) throw badRequest('name in URL does not match name in Binding object')
  const errors = validatePodBinding(binding)
  if (errors.length > 0) throw new DoorError(500, '', aggregate(errors))
  ctx.engine.bind(
    namespace,
    name,
    {
      nodeName: binding.target?.name as string,
      ...(metadata.uid ? { uid: metadata.uid } : {}),
      ...(metadata.resourceVersion ? { resourceVersion: metadata.resourceVersion } : {}),
      ...(metadata.annotations ? { annotations: metadata.annotations } : {}),
    },
    dryRun ? { dryRun } : {},
  )
  ctx.send(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 })
}
