// For tests: one `podlab` invocation with captured output.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli, type CliIO } from '../podlab-cli'

// A call without --db must not open the user's own cluster file (~/.config/Podlab/cluster.podlab): a newer or
// damaged one there would fail a test that never meant to read it. Each such call gets a fresh file of its own.
const freshDefaultDb = () => join(mkdtempSync(join(tmpdir(), 'podlab-default-')), 'cluster.podlab')

export async function podlab(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: () => stdin, env: { PODLAB_DB: freshDefaultDb() } }
  const code = await runCli(args, io)
  return { code, out, err }
}
