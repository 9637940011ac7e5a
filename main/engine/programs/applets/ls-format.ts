// Pieces of `ls -l` (and of `stat`-like output): the mode string, user and group names from the container's
// /etc/passwd and /etc/group, and the time column ("Dec  1 02:44", or "Jan  1  1970" beyond six months).

import { isErrno } from '../../process/errno'
import type { Stat, Sys } from '../../process/program'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function modeString(stat: Stat): string {
  const type = { file: '-', dir: 'd', symlink: 'l', chardev: 'c' }[stat.kind]
  let out = type
  for (const shift of [6, 3, 0]) {
    const bits = (stat.mode >> shift) & 7
    out += (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (bits & 1 ? 'x' : '-')
  }
  return out
}

/** The name of uid/gid `id` in `file` (/etc/passwd or /etc/group), or the number when it has none. */
export function nameOf(sys: Sys, file: '/etc/passwd' | '/etc/group', id: number): string {
  const text = sys.fs.readFile(file)
  if (!isErrno(text)) {
    for (const line of text.split('\n')) {
      const fields = line.split(':')
      if (fields[2] === String(id) && fields[0]) return fields[0]
    }
  }
  return id === 0 ? 'root' : String(id)
}

/** ctime's "Mmm dd hh:mm" for the last six months (and 15 minutes ahead), else "Mmm dd  yyyy" (UTC). */
export function lsTime(mtimeMs: number, nowMs: number): string {
  const d = new Date(mtimeMs)
  const day = String(d.getUTCDate()).padStart(2)
  const age = (nowMs - mtimeMs) / 1000
  const month = MONTHS[d.getUTCMonth()]!
  if (age < (3600 * 24 * 365) / 2 && age > -15 * 60) {
    return `${month} ${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
  }
  return `${month} ${day} ${String(d.getUTCFullYear()).padStart(5)}`
}
