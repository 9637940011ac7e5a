// The printers that format a whole object (kubectl's ResourcePrinter.PrintObj for jsonpath, go-template and
// custom columns): what they wrote, and the error PrintObj returned (some write debugging text and fail).

export interface PrintResult {
  /** What PrintObj wrote to the writer (stdout), even when it failed. */
  text: string
  /** PrintObj's error message, as checkErr will print it after `error: `. */
  error?: string
}

export interface ObjectPrinter {
  /** PrintObj of one object or a v1 List (a decoded JSON value). */
  print(object: unknown): PrintResult
}
