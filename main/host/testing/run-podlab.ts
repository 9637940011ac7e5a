// For tests: one `podlab` invocation with captured output.

import { runCli, type CliIO } from '../podlab-cli'

export async function podlab(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: () => stdin, env: {} }
  const code = await runCli(args, io)
  return { code, out, err }
}
