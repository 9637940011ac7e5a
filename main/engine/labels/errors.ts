// The one error label selectors throw. The API server answers a `labelSelector` query it cannot parse with 400
// BadRequest and the parser's words as the message (apiserver v0.32.0 endpoints/handlers/get.go ListResource:
// DecodeParameters -> errors.NewBadRequest(err.Error())), so this is an ApiError the registry can pass on as is.

import { ApiError, type FieldError } from '../api/errors'
import { fieldErrorText } from '../api/field'

export class LabelSelectorError extends ApiError {
  constructor(
    message: string,
    /** The field errors behind the message when it came from NewRequirement; empty for syntax errors. */
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super('BadRequest', message)
    this.name = 'LabelSelectorError'
  }
}

export function isLabelSelectorError(e: unknown): e is LabelSelectorError {
  return e instanceof LabelSelectorError
}

/** utilerrors aggregate.Error(): one error bare, several deduplicated inside `[a, b]`. */
export function aggregateText(errs: readonly FieldError[]): string {
  const texts = [...new Set(errs.map(fieldErrorText))]
  return texts.length === 1 ? (texts[0] ?? '') : `[${texts.join(', ')}]`
}
