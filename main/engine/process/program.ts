// What runs inside a simulated container: programs (a shell, busybox's applets, nginx, postgres, ...) and the
// system calls they make. The kernel (containerd/) schedules processes on the virtual clock; a program never
// keeps anything outside its state, which is JSON (it is saved in the cluster file between two commands, and a
// run must replay byte for byte), and never reads the wall clock or Math.random (Sys.now, Sys.random).
//
// A process runs in steps: `run` goes on from where it stopped until it must wait (for a time, a child, input)
// or ends. Each step happens at one virtual instant (`sys.now()`); time passes only between steps.

import type { Errno } from './errno'
import type { Signal } from './signals'

/** Where a file descriptor leads. Descriptors 0, 1, 2 of every process; a shell's redirections make new ones. */
export type FdTarget =
  /** The container's log (what `kubectl logs` shows): PID 1's stdout/stderr, inherited by its children. */
  | { kind: 'log'; stream: 'stdout' | 'stderr' }
  | { kind: 'file'; path: string; append: boolean }
  /** /dev/null: writes vanish, reads see end of file at once (a container's stdin without `stdin: true`). */
  | { kind: 'null' }
  /** A pipe or a capture (command substitution): text the kernel keeps until its reader takes it. */
  | { kind: 'buffer'; id: string }
  /** An exec session (kubectl exec): its output streams, and its input for fd 0. */
  | { kind: 'session'; id: string; stream: 'stdin' | 'stdout' | 'stderr' }

export interface Stat {
  kind: 'file' | 'dir' | 'symlink' | 'chardev'
  /** Bytes (UTF-8 length of the text). */
  size: number
  /** Permission bits (0o755). */
  mode: number
  /** Virtual ms. */
  mtimeMs: number
  uid: number
  gid: number
  /** A symlink's target. */
  target?: string
}

/**
 * A container's filesystem: the image's files, its own writable layer, and the pod's volumes mounted on top.
 * Paths are absolute and already resolved against the process's cwd; text only. Every call returns an Errno
 * where the syscall would fail (ENOENT, ENOTDIR, EISDIR, EEXIST, ENOTEMPTY, EROFS, ENOSPC, EACCES).
 */
export interface FileSystem {
  /** Follows symlinks. */
  stat(path: string): Stat | Errno
  lstat(path: string): Stat | Errno
  readFile(path: string): string | Errno
  /** Creates the file when missing (mode 0644); `append` adds to its end. Sets mtime to now. */
  writeFile(path: string, data: string, options?: { append?: boolean }): Errno | undefined
  /** The names in a directory, sorted as `ls` sorts them in the C locale. */
  readdir(path: string): string[] | Errno
  mkdir(path: string, options?: { parents?: boolean; mode?: number }): Errno | undefined
  /** Removes a file or symlink (EISDIR for a directory). */
  unlink(path: string): Errno | undefined
  /** Removes an empty directory, or with `recursive` a whole tree. */
  rmdir(path: string, options?: { recursive?: boolean }): Errno | undefined
  rename(from: string, to: string): Errno | undefined
  symlink(target: string, path: string): Errno | undefined
  chmod(path: string, mode: number): Errno | undefined
  /** Sets mtime to `ms` (touch on an existing file). */
  utimes(path: string, ms: number): Errno | undefined
}

export interface HttpRequest {
  method: string
  /** Host as the client names it (an IP, `localhost`, a name), and the port. */
  host: string
  port: number
  /** Path and query: `/healthz`. */
  path: string
  headers: Record<string, string>
  /**
   * The client's IP as the server sees it (nginx's $remote_addr): the node's IP for the kubelet's probes,
   * 127.0.0.1 from localhost, the pod IP from inside the pod. Servers print 127.0.0.1 when it is not given.
   */
  remoteAddr?: string
}

export interface HttpResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/** How a connection attempt ended when no answer came: refused (nothing listens), timed out, no route. */
export interface NetError {
  error: 'ECONNREFUSED' | 'ETIMEDOUT' | 'EHOSTUNREACH'
}

/** One process as `ps` sees it. */
export interface ProcessInfo {
  pid: number
  ppid: number
  user: string
  /** argv joined by spaces, as /proc/PID/cmdline reads. */
  command: string
  /** Virtual ms. */
  startedAt: number
  /** Resident memory, bytes. */
  rssBytes: number
  state: 'R' | 'S' | 'Z' | 'T'
}

export interface SpawnRequest {
  /** argv[0] is looked up on PATH (or taken as a path when it has a `/`), as execvp does. */
  argv: string[]
  env: Record<string, string>
  cwd: string
  /** Descriptors 0, 1, 2 of the child (a shell passes its own, or its redirections). */
  fds: [FdTarget, FdTarget, FdTarget]
}

/** What spawn/exec report when the program cannot be run (execvp's errno): ENOENT, EACCES, ENOEXEC. */
export interface SpawnError {
  error: Errno
}

/** A child's end as waitpid reports it. */
export type WaitStatus = { exited: number } | { signaled: Signal }

/** The system calls a program makes. One Sys per process per step. */
export interface Sys {
  readonly pid: number
  /** The virtual clock, ms since the epoch. */
  now(): number
  /** The cluster's seeded generator, [0, 1). */
  random(): number
  readonly fs: FileSystem
  /** Writes to descriptor `fd` (1: stdout, 2: stderr, or one of the targets in `fds`). */
  write(fd: number | FdTarget, text: string): Errno | undefined
  /** Takes the input waiting on `fd` (0 by default): text, 'eof', or 'wait' when none has come yet. */
  read(fd?: number | FdTarget): string | 'eof' | 'wait'
  /** Starts a child process; it runs at once until it first waits or ends. */
  spawn(request: SpawnRequest): { pid: number } | SpawnError
  /** A child's end, once it has ended (reaps it); undefined while it runs. */
  wait(pid: number): WaitStatus | undefined
  /** kill(2) from inside the container (the PID 1 rule applies): 'ok', 'ESRCH', 'EPERM'. */
  kill(pid: number, sig: Signal): 'ok' | 'ESRCH' | 'EPERM'
  processes(): ProcessInfo[]
  hostname(): string
  /**
   * Starts listening on a TCP port in the pod's network namespace (bind(2) and listen(2)): 'EADDRINUSE' when
   * another process of the pod (any of its containers: they share one network namespace) listens on it.
   */
  listen(port: number): 'ok' | 'EADDRINUSE'
  /** An HTTP request from this process (wget, curl); what listens in the pod answers, or a NetError. */
  http(request: HttpRequest): HttpResponse | NetError
  /** A TCP connection attempt: 'ok' or the NetError's error. */
  connect(host: string, port: number): 'ok' | NetError['error']
  /** DNS as the pod's resolv.conf sees it: the addresses, or NXDOMAIN. */
  resolve(name: string): { addresses: string[] } | { error: 'NXDOMAIN' | 'SERVFAIL' }
  /** This process's resident memory from now on (bytes): the kernel adds it to the container's, for OOM. */
  setRss(bytes: number): void
  /** This process's CPU use from now on, in millicores (1000 = one core busy). */
  setCpu(millicores: number): void
}

/** What a program is waiting for: it runs again at `wakeAt`, when a child ends, when input comes, or on a signal. */
export interface Block {
  /** Virtual ms. */
  wakeAt?: number
  children?: true
  input?: true
}

export type Step<S> =
  | { state: S; block: Block }
  | { exit: number }
  /** Died of a signal's default action (its status is 128 + the signal's number). */
  | { killedBy: Signal }
  /** Replaces itself with another program, keeping its pid and descriptors (a shell's `exec`). */
  | { exec: Omit<SpawnRequest, 'fds'> }

export interface StartContext {
  argv: string[]
  env: Record<string, string>
  cwd: string
  /** The path argv[0] resolved to (`/bin/sh`, `/usr/sbin/nginx`). */
  path: string
  /** Whether this process is its container's PID 1 (a shell then ignores SIGTERM, nginx writes to the log). */
  init: boolean
  /** The container's image (full reference), for programs whose behaviour depends on it. */
  image: string
  /**
   * The process's descriptors 0, 1, 2 as the kernel set them up: a program that spawns children (a shell) passes
   * them on, and tells a session's stdin (an interactive shell) from a file or /dev/null. Without it a program
   * assumes /dev/null, the log's stdout and stderr.
   */
  fds?: [FdTarget, FdTarget, FdTarget]
}

/**
 * A program a container can run. `S` is its state (JSON). The kernel calls `start` once, then `run` whenever
 * the process may go on, and `signal` when a signal it handles arrives (`handles` says which; the kernel applies
 * the default action, and the PID 1 rule, to the others).
 */
export interface Program<S = unknown> {
  start(ctx: StartContext, sys: Sys): S
  run(state: S, sys: Sys): Step<S>
  handles(state: S, sig: Signal): boolean
  signal(state: S, sig: Signal, sys: Sys): Step<S>
  /** Answers an HTTP request on a port this process listens on. */
  serveHttp?(state: S, request: HttpRequest, sys: Sys): { state: S; response: HttpResponse }
}
