// hostname, id, whoami and uname: who and where the process is. The user comes from the process table (the
// image's USER, or root) and its ids from the container's /etc/passwd and /etc/group.

import { isErrno } from '../../process/errno'
import type { Program, Sys } from '../../process/program'
import { complain, type Flavour, type Invocation, oneShot, say } from '../kit'

/** The kernel the nodes report (a kind node on a typical Linux host); uname prints it. */
export const KERNEL_RELEASE = '6.8.0-51-generic'
export const KERNEL_VERSION = '#52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:09:44 UTC 2024'

function userOf(sys: Sys): string {
  return sys.processes().find((p) => p.pid === sys.pid)?.user ?? 'root'
}

interface Account {
  name: string
  uid: number
  gid: number
}

function account(sys: Sys, user: string): Account {
  const passwd = sys.fs.readFile('/etc/passwd')
  if (!isErrno(passwd)) {
    for (const line of passwd.split('\n')) {
      const [name, , uid, gid] = line.split(':')
      if (name === user || uid === user) return { name: name!, uid: Number(uid), gid: Number(gid) }
    }
  }
  if (/^\d+(:\d+)?$/.test(user)) {
    const [uid, gid] = user.split(':')
    return { name: '', uid: Number(uid), gid: Number(gid ?? uid) }
  }
  return { name: user, uid: 0, gid: 0 }
}

function groupsOf(sys: Sys, who: Account): { gid: number; name: string }[] {
  const text = sys.fs.readFile('/etc/group')
  const groups: { gid: number; name: string }[] = []
  if (isErrno(text)) return groups
  for (const line of text.split('\n')) {
    const [name, , gid, members] = line.split(':')
    if (!name || gid === undefined) continue
    if (Number(gid) === who.gid || (members ?? '').split(',').includes(who.name)) groups.push({ gid: Number(gid), name })
  }
  return groups
}

const named = (id: number, name: string | undefined): string => (name ? `${id}(${name})` : String(id))

export const idProgram: Program<Invocation> = oneShot((inv, sys) => {
  const who = account(sys, inv.argv[1] ?? userOf(sys))
  const groups = groupsOf(sys, who)
  const flag = inv.argv.find((a) => a.startsWith('-'))
  if (flag === '-u') say(sys, String(who.uid))
  else if (flag === '-g') say(sys, String(who.gid))
  else if (flag === '-un') say(sys, who.name || String(who.uid))
  else {
    const primary = groups.find((g) => g.gid === who.gid)
    const list = [primary ?? { gid: who.gid, name: '' }, ...groups.filter((g) => g.gid !== who.gid)]
    say(sys, `uid=${named(who.uid, who.name)} gid=${named(who.gid, primary?.name)} groups=${list.map((g) => named(g.gid, g.name)).join(',')}`)
  }
  return 0
})

export function whoamiProgram(flavour: Flavour): Program<Invocation> {
  return oneShot((_inv, sys) => {
    const who = account(sys, userOf(sys))
    if (who.name === '') {
      complain(sys, flavour === 'gnu' ? `whoami: cannot find name for user ID ${who.uid}` : `whoami: unknown uid ${who.uid}`)
      return 1
    }
    say(sys, who.name)
    return 0
  })
}

export const hostnameProgram: Program<Invocation> = oneShot((inv, sys) => {
  const host = sys.hostname()
  if (inv.argv.includes('-i')) {
    const found = sys.resolve(host)
    say(sys, 'addresses' in found ? found.addresses.join(' ') : '')
  } else if (inv.argv.includes('-s')) say(sys, host.split('.')[0]!)
  else say(sys, host)
  return 0
})

export const unameProgram: Program<Invocation> = oneShot((inv, sys) => {
  const fields: Record<string, string> = { s: 'Linux', n: sys.hostname(), r: KERNEL_RELEASE, v: KERNEL_VERSION, m: 'x86_64', o: 'GNU/Linux' }
  const flags = inv.argv.slice(1).join('').replace(/-/g, '')
  const order = flags.includes('a') ? ['s', 'n', 'r', 'v', 'm', 'o'] : ['s', 'n', 'r', 'v', 'm', 'o'].filter((f) => flags.includes(f))
  say(sys, (order.length > 0 ? order : ['s']).map((f) => fields[f]).join(' '))
  return 0
})
