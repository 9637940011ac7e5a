// authorization.k8s.io/v1 self reviews, what `kubectl auth can-i` POSTs (pkg/registry/authorization/
// selfsubjectaccessreview/rest.go, selfsubjectrulesreview/rest.go): the door's one user is kind's admin
// (system:masters), so every access review is allowed and the rules review answers that user's rules, the same
// file the built-in kubectl answers `auth can-i --list` from.

import type { IncomingMessage } from 'node:http'
import adminRules from '../kubectl/cmd/auth/admin-rules.json'
import { decodeObjectBody, readBody } from './body'
import { mediaTypes } from './negotiate'
import { methodNotAllowed } from './status'

const GROUP_PATH = '/apis/authorization.k8s.io/v1/'
const KINDS: Record<string, string> = {
  selfsubjectaccessreviews: 'SelfSubjectAccessReview',
  selfsubjectrulesreviews: 'SelfSubjectRulesReview',
}

/**
 * The answer of a self review at `path`, or undefined when `path` is not one. Throws DoorError (405, 400 for a body
 * that does not decode, 413). The review's spec is not validated (its Invalid texts are not reproduced yet).
 */
export async function selfReview(req: IncomingMessage, path: string, bodyLimit: number): Promise<unknown> {
  if (!path.startsWith(GROUP_PATH)) return undefined
  const resource = path.slice(GROUP_PATH.length)
  const kind = KINDS[resource]
  if (!kind) return undefined
  if (req.method !== 'POST') throw methodNotAllowed()
  const body = await readBody(req, bodyLimit)
  // kubectl 1.32's typed client sends these as protobuf, which this door does not decode yet: the answer's status,
  // all kubectl reads, does not depend on the spec for this user, so such a review is answered without it.
  const protobuf = mediaTypes(req.headers['content-type'])[0]?.type === 'application/vnd.kubernetes.protobuf'
  const review = protobuf ? {} : (decodeObjectBody(body, req.headers['content-type'], kind) as { spec?: unknown })
  // The API server answers with the review it was sent, its status filled in and metadata's creationTimestamp null.
  const status = kind === 'SelfSubjectAccessReview' ? { allowed: true } : adminRules
  return { kind, apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, ...(review.spec ? { spec: review.spec } : {}), status }
}
