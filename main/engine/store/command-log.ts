// The commands table (migrations/0002_commands.sql): each command a door gave the engine that changed the
// cluster, written inside the command's own transaction, so a command and its row commit together or not at all.

import type { DB } from './cluster-file'

/** The doors a command can come through: the Electron app (IPC), `podlab serve`'s WebSocket, the `podlab` CLI, the REST door, tests. */
export const DOORS = ['app', 'web', 'cli', 'kubeapi', 'test'] as const
export type Door = (typeof DOORS)[number]

/** The Engine calls recorded as commands. */
export type CommandCall =
  | 'create'
  | 'update'
  | 'patch'
  | 'apply'
  | 'delete'
  | 'evict'
  | 'updateStatus'
  | 'patchStatus'
  | 'bind'
  | 'powerNode'
  | 'advance'
  | 'pause'
  | 'resume'
  | 'setSpeed'
  // Exec runs processes that change the container (files, signals): a file replays only with them.
  | 'exec'
  | 'execOpen'
  | 'execInput'
  | 'execClose'
  | 'attachOpen'
  | 'chaos'

/** A command as it arrives: the call and its arguments (a JSON-able object). */
export interface Command {
  call: CommandCall
  payload: Record<string, unknown>
}

/** A recorded command, as read back. */
export interface CommandRow {
  seq: number
  door: Door
  call: string
  /** The arguments as JSON text. */
  payload: string
  /** Virtual time when the command began, in ms since 1970. */
  atMs: number
  rvBefore: number
  rvAfter: number
}

export class CommandLog {
  private readonly insert
  private readonly all

  constructor(
    db: DB,
    readonly door: Door,
  ) {
    this.insert = db.prepare('INSERT INTO commands (door, call, payload, at_ms, rv_before, rv_after) VALUES (?, ?, ?, ?, ?, ?)')
    this.all = db.prepare<[number], CommandRow>(
      'SELECT seq, door, call, payload, at_ms AS atMs, rv_before AS rvBefore, rv_after AS rvAfter FROM commands WHERE seq > ? ORDER BY seq',
    )
  }

  /**
   * `payload` is the command's arguments serialised before it ran (the API server may fill in the object it was
   * given). Its size is the request's: a manifest is at most MAX_MANIFEST_BYTES of text (3 MiB), and the objects
   * decoded from it are no larger than what `history` stores for them.
   */
  record(call: CommandCall, payload: string, atMs: number, rvBefore: number, rvAfter: number): void {
    this.insert.run(this.door, call, payload, atMs, rvBefore, rvAfter)
  }

  /** The commands after sequence number `after`, oldest first. */
  since(after = 0): CommandRow[] {
    return this.all.all(after)
  }
}
