// The one place kubectl's `-l SELECTOR` is evaluated. The real kubectl sends it to the server as the LIST's
// labelSelector; until Engine.list takes one (engineer R's `Engine.list(resource, ns, { labelSelector })`),
// Podlab's kubectl narrows the LIST here, client-side, through the shared label selector (main/engine/labels).
// Swap labelFilter's caller, builder.ts list(), for the server-side option when it lands.

import { parseSelector } from '../../engine/labels'

/**
 * The labels predicate of a selector (apimachinery labels.Parse). Throws LabelSelectorError, an ApiError with
 * reason BadRequest, as the API server answers a LIST with a selector it cannot parse.
 */
export function labelFilter(selector: string): (labels: Readonly<Record<string, string>> | undefined) => boolean {
  const parsed = parseSelector(selector)
  return (labels) => parsed.matches(labels)
}
