// Where BusyBox's applets sit in the two kinds of image that ship BusyBox as their userland.

import { appletProgram, BUSYBOX_APPLETS, NOT_IN_ALPINE_BUSYBOX } from './busybox-applets'

/** The docker-library busybox image: /bin/busybox and every applet beside it in /bin (`busybox --install /bin`). */
export function busyboxImageBinaries(): Record<string, string> {
  const out: Record<string, string> = { '/bin/busybox': 'busybox:busybox' }
  for (const [name] of BUSYBOX_APPLETS) out[`/bin/${name}`] = appletProgram(name)
  return out
}

/** Alpine: BusyBox applets in their own directories, apk, and musl's tools (getent, getconf, iconv, ldd). */
export function alpineBinaries(): Record<string, string> {
  const out: Record<string, string> = { '/bin/busybox': 'busybox:busybox', '/bin/bbsuid': 'busybox:bbsuid' }
  for (const [name, dir] of BUSYBOX_APPLETS) if (!NOT_IN_ALPINE_BUSYBOX.has(name)) out[`${dir}/${name}`] = appletProgram(name)
  return {
    ...out,
    '/sbin/apk': 'apk',
    '/sbin/ldconfig': 'busybox:ldconfig',
    '/usr/bin/getent': 'busybox:getent',
    '/usr/bin/getconf': 'busybox:getconf',
    '/usr/bin/iconv': 'busybox:iconv',
    '/usr/bin/ldd': 'busybox:ldd',
    '/usr/bin/scanelf': 'busybox:scanelf',
  }
}
