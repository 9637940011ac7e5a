// The contract's limits, in one place: every door refuses what goes past them, and the renderer can show them.

/** Largest manifest text a door accepts, in UTF-8 bytes (the real API server's default request limit is 3 MiB). */
export const MAX_MANIFEST_BYTES = 3 * 1024 * 1024
/** Longest single `clock.advance`, in seconds: a week of virtual time. */
export const MAX_ADVANCE_SECONDS = 7 * 24 * 3600
/** Table views one connection may watch at once; the next distinct `table.watch` is refused with BadRequest. */
export const MAX_WATCHED_VIEWS = 16
/**
 * Largest WebSocket message (and frame), in bytes: a maximal manifest JSON-escaped (newlines and quotes take two
 * bytes) plus the call around it. Bigger messages are refused with close code 1009.
 */
export const MAX_CALL_MESSAGE_BYTES = 2 * MAX_MANIFEST_BYTES + 64 * 1024
/** Console jobs one connection may run at once (a watch, a follow, an exec each hold one until they end). */
export const MAX_CONSOLE_JOBS = 8
/** Largest `console.input` text, in UTF-16 units: one paste into an exec'd shell. */
export const MAX_CONSOLE_INPUT = 64 * 1024
/** Terminal widths the console accepts, in columns. */
export const MIN_CONSOLE_COLUMNS = 10
export const MAX_CONSOLE_COLUMNS = 1000
// Issue 11 item 2: manifests.check
/** Most diagnostics and preview entries one `manifests.check` answers with (a reply stays small whatever is pasted). */
export const MAX_CHECK_ENTRIES = 100
// Issue 11 items 6 and 7
/** Pods the cluster map draws at most (the rest are counted: "and N more"). */
export const MAX_MAP_PODS = 5000
/** Objects the ownership graph holds at most (a layout of more is unreadable and slow). */
export const MAX_GRAPH_OBJECTS = 500
/** Longest image reference `images.catalog` looks up, in characters (a reference is at most 255 + tag + digest). */
export const MAX_IMAGE_REFERENCE = 512
