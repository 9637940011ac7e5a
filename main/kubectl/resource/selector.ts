// The one place kubectl's `-l SELECTOR` is evaluated. The real kubectl sends it to the server as the LIST's
// labelSelector; until Engine.list takes one, Podlab's kubectl narrows the LIST here, client-side. Until the shared
// label selector (main/engine/labels) lands, only the empty selector (everything: a bare type, --all) is
// understood and any other answers "not supported yet" before a request is made.

/** A problem with the selector to report before any request, in kubectl's words, or undefined. */
export function selectorProblem(selector: string | undefined): string | undefined {
  if (selector === undefined || selector === '') return undefined
  return '-l/--selector is not supported by Podlab yet'
}

/** The labels predicate of a selector selectorProblem accepted. */
export function labelFilter(_selector: string): (labels: Readonly<Record<string, string>> | undefined) => boolean {
  return () => true
}
