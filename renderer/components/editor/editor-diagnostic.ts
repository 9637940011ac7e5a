/** A line the manifest editor marks (issue 11 item 2): 1-based line (and column), kubectl's message and the hint under it. */
export interface EditorDiagnostic {
  line: number
  column?: number
  severity: 'error' | 'warning'
  message: string
}
