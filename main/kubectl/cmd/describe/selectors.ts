// metav1.FormatLabelSelector and LabelSelectorAsSelector(...).String(), as the describers print selectors.

import { selectorFromLabelSelector, type LabelSelector } from '../../../engine'

/** metav1.FormatLabelSelector: the selector's String(), `<none>` when empty, `<error>` when it does not convert. */
export function formatLabelSelector(ls: LabelSelector | null | undefined): string {
  try {
    return selectorFromLabelSelector(ls).toString() || '<none>'
  } catch {
    return '<error>'
  }
}

/** `Selector:\t%s` of LabelSelectorAsSelector (an empty selector prints empty), or the conversion's error. */
export function selectorString(ls: LabelSelector | null | undefined): { ok: true; text: string } | { ok: false; error: string } {
  try {
    return { ok: true, text: selectorFromLabelSelector(ls).toString() }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) }
  }
}
