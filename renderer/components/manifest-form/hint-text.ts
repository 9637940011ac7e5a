// The words of a check's hint and of a preview's forecast in the user's language (issue 11 item 2). The engine
// sends codes and facts; the renderer words them.

import type { CheckDiagnostic, CheckHint, PreviewContainer, PreviewDocument } from '../../../main/contract'

type T = (key: string, values?: Record<string, unknown>) => string

export function hintText(t: T, hint: CheckHint): string {
  return t(`forms.check.hint.${hint.code}`, hint as unknown as Record<string, unknown>)
}

/** kubectl's message, then the hint on its own line: what the editor's marked line says. */
export function diagnosticText(t: T, d: CheckDiagnostic): string {
  return d.hint ? `${d.message}\n\n→ ${hintText(t, d.hint)}` : d.message
}

/** `500m` or `2` CPUs, as a quantity is written. */
export function cpuText(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`
}

/** `64Mi`, `2Gi`, or bytes when not a whole number of MiB. */
export function memoryText(bytes: number): string {
  const mi = 1024 * 1024
  if (bytes % (1024 * mi) === 0 && bytes > 0) return `${bytes / (1024 * mi)}Gi`
  return bytes % mi === 0 ? `${bytes / mi}Mi` : String(bytes)
}

export function forecastText(t: T, doc: PreviewDocument, c: PreviewContainer): string {
  const image = c.image.image || '""'
  const cmd = 'cmd' in c.image ? [...c.image.entrypoint, ...c.image.cmd].join(' ') : ''
  return t(`forms.preview.${c.forecast}`, { image, cmd, policy: doc.restartPolicy ?? 'Always' })
}
