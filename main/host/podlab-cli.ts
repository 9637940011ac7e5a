// The `podlab` command: `podlab [--db FILE] [--seed N] <command>`. A call opens the cluster file, acts,
// commits and exits; `serve` stays up and runs the clock in real time.

import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { existsSync, mkdirSync } from 'node:fs'
import { MAX_ADVANCE_SECONDS, MAX_MANIFEST_BYTES } from '../contract'
import type { HostEngine } from '../engine'
import { openCluster } from '../engine'
import { asClusterFileError } from '../engine'
import { runKubectl } from '../kubectl/run-kubectl'
import { followKubectl, type FollowIO } from './follow-kubectl'
import { fileKubeconfig } from './cli-kubeconfig'
import { writeResult, type KubectlIO } from '../kubectl/io'
import { ClockTaken, clockTakenMessage, holdClock, ownerName, runningOwner } from '../door/clock-owner'
import { runNodeCommand } from '../door/podlab/node-command'
import { runChaosCommand } from '../door/podlab/chaos-command'
import { parseDuration } from '../door/podlab/parse-duration'
import { followServedClock, type WaitOptions } from './served-clock'
import { listDirectory, readCapped } from './read-capped'
import { defaultClusterPath, userDataDir } from '../door/paths'
import { readTokenFile } from './web/auth'
import { kubeconfigPaths, readServedApi, writeKubeconfig } from './kubeapi-serve'

export const USAGE = `Podlab: a Kubernetes cluster on your desk.

Usage:
  podlab [--db FILE] [--seed N] <command> [args]

Commands:
  kubectl ARGS...     run the built-in kubectl (apply -f FILE|-, get pods, delete pod NAME, ...)
  advance DURATION    run the cluster forward on its clock, e.g. 30s, 5m, 1h30m
  node add NAME [--cpu N] [--memory Q] [--pods N] [--labels k=v,...] [--taints k=v:Effect,...]
                      add a node (a kind worker's 4 CPU, 8Gi, 110 pods unless given)
  node delete NAME    delete a node; its pods are deleted by the pod GC after 40-60s
  node stop|start NAME
                      power a node off or on: after 50s it is NotReady, and its pods
                      are evicted 300s later and replaced elsewhere
  node partition|heal NAME
                      cut a node off from the control plane (its containers keep
                      running) or reconnect it
  chaos kill|oom POD [-c CONTAINER] [--signal SIG]
                      kill a container with a signal, or OOM-kill it
  chaos random --rate R [--seed N] [--for DURATION]
                      kill containers and delete pods at random, R a minute (see
                      'podlab chaos --help' for delete, fill-disk, free-disk and stop)
  serve [--port N] [--host ADDR] [--token-file FILE] [--api-port N]
                      serve the app to a browser (default 127.0.0.1, any free port) and the
                      Kubernetes API to kubectl, printing the kubeconfig it wrote; on any
                      other address a token is required: a random one, printed in the
                      address to open, or the one in FILE (at most 4 KiB)
  kubeconfig --write  write a kubeconfig for the podlab serve serving this cluster file
                      and print its path: KUBECONFIG=$(podlab kubeconfig --write) kubectl ...

Options:
  --db FILE           the cluster file (default: the app's own, in your user data folder);
                      a missing file is created with a new default cluster
  --seed N            the seed of a new cluster file (default 1); same seed, same history
`

export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Standard input as text; throws InputTooLarge past MAX_MANIFEST_BYTES. */
  readStdin: () => string
  env: Record<string, string | undefined>
  /** Starts the web host for `serve`; resolves when it should exit. Injected so tests need no server. */
  serve?: (engine: HostEngine, options: ServeCliOptions) => Promise<void>
  /** How kubectl waits on the clock of a cluster another process serves (tests pass a sleep that runs that clock). */
  clockWait?: WaitOptions
  /** A promise that settles on Ctrl+C (SIGINT), asked for only by a following kubectl (`get -w`, `logs -f`). */
  interrupted?: () => Promise<void>
  /** How a following kubectl moves time (tests step the clock themselves); see follow-kubectl.ts. */
  followDrive?: FollowIO['drive']
  /** stdin is a terminal (a tty): `kubectl exec -it` may open an interactive session. */
  terminal?: boolean
  /** What the user types, for `kubectl exec -it` (see FollowIO.stdin). */
  followStdin?: FollowIO['stdin']
  /** `kubectl edit`'s editor (terminal-editor.ts in a terminal; tests pass a scripted one). */
  editor?: KubectlIO['editor']
}

export interface ServeCliOptions {
  host: string
  port: number
  /** The Kubernetes API's port (--api-port); 0 picks a free one. */
  apiPort: number
  /** From --token-file; without it a host off loopback makes a random one. */
  token?: string
  /** The cluster file served, and the folder its kubeconfig is written to. */
  clusterFile: string
  kubeconfigDir: string
}

interface Globals {
  db?: string
  seed?: string
  rest: string[]
}

function takeGlobals(argv: string[]): Globals | Error {
  const globals: Globals = { rest: [] }
  let i = 0
  for (; i < argv.length; i++) {
    const arg = argv[i] as string
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s) : [arg]
    if (flag !== '--db' && flag !== '--seed') break
    const value = inline ?? argv[++i]
    if (value === undefined || value === '') return new Error(`flag needs an argument: ${flag}`)
    if (flag === '--db') globals.db = value
    else globals.seed = value
  }
  globals.rest = argv.slice(i)
  return globals
}

function dataDir(env: CliIO['env']): string {
  return userDataDir({ platform: process.platform, env, homedir: homedir() })
}

function clusterPath(globals: Globals, env: CliIO['env']): string {
  if (globals.db) return globals.db
  if (env.PODLAB_DB) return env.PODLAB_DB
  const path = defaultClusterPath(dataDir(env))
  mkdirSync(dirname(path), { recursive: true })
  return path
}

/** The folder `podlab serve` writes kubeconfigs to: `kubeconfigs` in the user data folder. */
export function kubeconfigDir(env: CliIO['env']): string {
  return join(dataDir(env), 'kubeconfigs')
}

/** `podlab kubeconfig --write`: the kubeconfig of the serve now serving `path`, written and its path printed. */
function writeServedKubeconfig(engine: HostEngine, path: string, args: string[], io: CliIO): number {
  if (args.length !== 1 || args[0] !== '--write') {
    io.stderr('error: kubeconfig takes one flag, --write: podlab --db FILE kubeconfig --write\n')
    return 1
  }
  const owner = runningOwner(engine)
  const notServed = `no podlab serve is serving ${path}; start one with: podlab --db ${path} serve`
  if (!owner) {
    io.stderr(`error: ${notServed}\n`)
    return 1
  }
  // The desktop app serves the API as `podlab serve` does (main/index.ts), and records it the same way.
  if (owner.door !== 'web' && owner.door !== 'app') {
    io.stderr(`error: ${ownerName(owner)} runs this cluster's clock and serves no Kubernetes API; stop it and start podlab --db ${path} serve\n`)
    return 1
  }
  const paths = kubeconfigPaths(path, kubeconfigDir(io.env))
  const served = readServedApi(paths.record)
  if (!served || served.pid !== owner.pid || served.hostname !== owner.hostname) {
    io.stderr(`error: ${ownerName(owner)} serves ${path} but has recorded no Kubernetes API address; restart it with this version of Podlab\n`)
    return 1
  }
  io.stdout(`${writeKubeconfig(paths.kubeconfig, served)}\n`)
  return 0
}

/** Runs one `podlab` invocation; returns the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const globals = takeGlobals(argv)
  if (globals instanceof Error) {
    io.stderr(`error: ${globals.message}\n`)
    return 1
  }
  const [command, ...args] = globals.rest
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE)
    return command === undefined ? 1 : 0
  }
  if (!['kubectl', 'advance', 'node', 'chaos', 'serve', 'kubeconfig'].includes(command)) {
    io.stderr(`error: unknown command "${command}" for "podlab"\n\n${USAGE}`)
    return 1
  }

  let engine: HostEngine
  let path = ''
  try {
    path = clusterPath(globals, io.env)
    // Asking for a kubeconfig does not create a cluster file.
    if (command === 'kubeconfig' && !existsSync(path)) {
      io.stderr(`error: no podlab serve is serving ${path}: there is no such cluster file\n`)
      return 1
    }
    engine = openCluster(path, { seed: globals.seed, mode: command === 'serve' ? 'realtime' : 'manual', door: command === 'serve' ? 'web' : 'cli' })
  } catch (e) {
    io.stderr(`error: ${(e as Error).message}\n`)
    return 1
  }

  try {
    switch (command) {
      case 'kubectl': {
        // While the app or `podlab serve` runs this file's clock, kubectl's waits wait on that clock.
        const owner = runningOwner(engine)
        const following = owner && followServedClock(engine, owner, io.clockWait)
        const files = {
          readFile: (p: string) => readCapped(p, MAX_MANIFEST_BYTES),
          readStdin: io.readStdin,
          listDirectory,
          terminal: io.terminal === true,
          env: io.env,
          kubeconfig: fileKubeconfig(engine),
          ...(io.editor ? { editor: io.editor } : {}),
        }
        const result = runKubectl(args, { engine: following ? following.engine : engine, ...files })
        writeResult(result, (stream, text) => (stream === 'stdout' ? io.stdout : io.stderr)(text))
        const cutShort = following?.cutShort()
        if (cutShort) io.stderr(`podlab: ${cutShort}\n`)
        if (!result.follow) return result.exitCode
        const interrupted = io.interrupted?.() ?? new Promise<void>(() => {})
        return await followKubectl(engine, result.follow, { stdout: io.stdout, stderr: io.stderr, interrupted, drive: io.followDrive, stdin: io.followStdin })
      }
      case 'node': {
        const result = runNodeCommand(engine, args)
        io.stdout(result.stdout)
        io.stderr(result.stderr)
        return result.exitCode
      }
      case 'kubeconfig':
        return writeServedKubeconfig(engine, path, args, io)
      case 'chaos': {
        const result = runChaosCommand(engine, args)
        io.stdout(result.stdout)
        io.stderr(result.stderr)
        return result.exitCode
      }
      case 'advance': {
        if (args.length !== 1) {
          io.stderr('error: advance takes one duration, e.g. podlab advance 30s\n')
          return 1
        }
        const ms = parseDuration(args[0] as string)
        if (ms instanceof Error) {
          io.stderr(`error: ${ms.message}\n`)
          return 1
        }
        if (ms > MAX_ADVANCE_SECONDS * 1000) {
          io.stderr(`error: advance takes at most ${MAX_ADVANCE_SECONDS / 3600}h at a time\n`)
          return 1
        }
        const owner = runningOwner(engine)
        if (owner) {
          io.stderr(`error: ${clockTakenMessage(owner)}\n`)
          return 1
        }
        const clock = engine.advance(ms)
        io.stdout(`virtual time is now ${clock.now}\n`)
        return 0
      }
      default: {
        const options = takeServeOptions(args)
        if (options instanceof Error) {
          io.stderr(`error: ${options.message}\n`)
          return 1
        }
        if (!io.serve) throw new Error('serve is not available here')
        let release: () => void
        try {
          release = holdClock(engine, 'web')
        } catch (e) {
          if (!(e instanceof ClockTaken)) throw e
          io.stderr(`error: ${e.message}\n`)
          return 1
        }
        try {
          await io.serve(engine, { ...options, clusterFile: path, kubeconfigDir: kubeconfigDir(io.env) })
        } finally {
          release()
        }
        return 0
      }
    }
  } catch (e) {
    // A row or page of the file found damaged while the command read it: the command has rolled back.
    const refused = asClusterFileError(e, path)
    if (!refused) throw e
    io.stderr(`error: ${refused.message}\n`)
    return 1
  } finally {
    engine.close()
  }
}

function takeServeOptions(args: string[]): Omit<ServeCliOptions, 'clusterFile' | 'kubeconfigDir'> | Error {
  const options: Omit<ServeCliOptions, 'clusterFile' | 'kubeconfigDir'> = { host: '127.0.0.1', port: 0, apiPort: 0 }
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = (args[i] as string).split(/=(.*)/s)
    const value = inline ?? args[++i]
    if (flag === '--port' || flag === '--api-port') {
      const port = Number(value)
      if (!Number.isInteger(port) || port < 0 || port > 65535) return new Error(`${flag} must be a number from 0 to 65535, got "${value}"`)
      if (flag === '--port') options.port = port
      else options.apiPort = port
    } else if (flag === '--host') {
      if (!value) return new Error('flag needs an argument: --host')
      options.host = value
    } else if (flag === '--token-file') {
      if (!value) return new Error('flag needs an argument: --token-file')
      try {
        options.token = readTokenFile(value)
      } catch (e) {
        return e as Error
      }
    } else {
      return new Error(`unknown flag: ${flag}`)
    }
  }
  return options
}
