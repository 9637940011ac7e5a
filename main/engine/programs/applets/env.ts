// env [-i] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...] and printenv [NAME]...: print the environment
// (NAME=VALUE a line, in the order the process got it), or run COMMAND with the changed one (exec).

import type { Program } from '../../process/program'
import { type Invocation, oneShot, say } from '../kit'

export const envProgram: Program<Invocation> = oneShot((inv, sys) => {
  const args = inv.argv.slice(1)
  let env: Record<string, string> = { ...inv.env }
  while (args.length > 0) {
    const arg = args[0]!
    if (arg === '-i' || arg === '-' || arg === '--ignore-environment') env = {}
    else if (arg === '-u' && args.length > 1) {
      args.shift()
      delete env[args[0]!]
    } else if (/^[^=-][^=]*=/.test(arg)) {
      const at = arg.indexOf('=')
      env[arg.slice(0, at)] = arg.slice(at + 1)
    } else break
    args.shift()
  }
  if (args.length > 0) return { exec: { argv: args, env, cwd: inv.cwd } }
  for (const [name, value] of Object.entries(env)) say(sys, `${name}=${value}`)
  return 0
})

export const printenvProgram: Program<Invocation> = oneShot((inv, sys) => {
  const names = inv.argv.slice(1)
  if (names.length === 0) {
    for (const [name, value] of Object.entries(inv.env)) say(sys, `${name}=${value}`)
    return 0
  }
  let status = 0
  for (const name of names) {
    const value = inv.env[name]
    if (value === undefined) status = 1
    else say(sys, value)
  }
  return status
})
