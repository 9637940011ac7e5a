// The errors a container's system calls return, with glibc's strerror(3) texts: programs print these words
// (`cat: can't open '/tmp/healthy': No such file or directory`), so they must be the real ones.

export const ERRNO_TEXT = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ESRCH: 'No such process',
  EACCES: 'Permission denied',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EINVAL: 'Invalid argument',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  ENOTEMPTY: 'Directory not empty',
  ENOEXEC: 'Exec format error',
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Connection timed out',
  EHOSTUNREACH: 'No route to host',
  ENOMEM: 'Cannot allocate memory',
} as const

export type Errno = keyof typeof ERRNO_TEXT

export function isErrno(value: unknown): value is Errno {
  return typeof value === 'string' && value in ERRNO_TEXT
}
