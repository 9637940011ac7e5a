// The executables of a Debian or Ubuntu base image: its Priority: required packages (coreutils, dash as
// /bin/sh, bash, grep, sed, tar, gzip, findutils, diffutils, util-linux, hostname, login, ncurses-bin,
// debianutils, sysvinit-utils, libc-bin, mawk, perl-base, apt, dpkg). Debian's base images (and every
// official image built on debian:*-slim: nginx, httpd, redis, postgres, php/wordpress) have no procps, so no
// `ps`, `kill`, `top` or `free`; Ubuntu's base image and Debian's buildpack-deps family (python, node, perl)
// have it. Since bookworm and Ubuntu 20.10, /bin, /sbin and /lib are links into /usr (merged /usr), so every
// program answers at both paths.

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '')

/** GNU coreutils 9.x, as Debian installs it (all of it in /usr/bin). */
const COREUTILS = words(`[ arch b2sum base32 base64 basename basenc cat chcon chgrp chmod chown cksum comm cp csplit cut
  date dd df dir dircolors dirname du echo env expand expr factor false fmt fold groups head hostid id install join
  link ln logname ls md5sum mkdir mkfifo mknod mktemp mv nice nl nohup nproc numfmt od paste pathchk pinky pr printenv
  printf ptx pwd readlink realpath rm rmdir runcon seq sha1sum sha224sum sha256sum sha384sum sha512sum shred shuf sleep
  sort split stat stdbuf stty sum sync tac tail tee test timeout touch tr true truncate tsort tty uname unexpand uniq
  unlink users vdir wc who whoami yes`)

/** The other required packages' programs in /usr/bin. */
const OTHER_REQUIRED_BIN = words(`grep egrep fgrep sed tar gzip gunzip zcat zgrep find xargs diff cmp diff3 sdiff hostname
  dnsdomainname domainname more mount umount findmnt lsblk su login mesg wall script scriptreplay logger renice
  setsid flock getopt ionice mcookie namei prlimit rev taskset unshare nsenter whereis which run-parts tempfile
  savelog clear reset tput tset infocmp getent ldd getconf iconv locale awk mawk perl apt apt-get apt-cache
  apt-config apt-mark dpkg dpkg-query dpkg-deb dpkg-divert dpkg-split dpkg-trigger chfn chsh chage expiry gpasswd
  newgrp passwd pidof`)

/** Their programs in /usr/sbin. */
const REQUIRED_SBIN = words(`useradd userdel usermod groupadd groupdel groupmod adduser addgroup deluser delgroup nologin
  chroot pwck grpck chpasswd ldconfig killall5 start-stop-daemon agetty fsck mkswap swapon swapoff blkid losetup
  wipefs sulogin runuser`)

/** procps: where the image has it. */
const PROCPS = words('ps kill top free pgrep pkill pmap pwdx skill slabtop snice tload uptime vmstat w watch')

/** The program id a GNU userland executable runs. */
function gnuProgram(name: string): string {
  if (name === 'ps') return 'procps:ps'
  if (name === 'kill') return 'procps:kill'
  if (PROCPS.includes(name)) return `procps:${name}`
  return `coreutils:${name}`
}

/** path -> program id at both merged-/usr locations. */
function merged(dir: 'bin' | 'sbin', names: string[], program: (name: string) => string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const n of names) {
    out[`/usr/${dir}/${n}`] = program(n)
    out[`/${dir}/${n}`] = program(n)
  }
  return out
}

/**
 * A Debian-family base image's executables: dash as /bin/sh, bash, GNU coreutils and the other required
 * packages, with procps (`ps`, `kill`, ...) only when `procps` is true.
 */
export function gnuUserland(opts: { procps: boolean }): Record<string, string> {
  return {
    ...merged('bin', [...COREUTILS, ...OTHER_REQUIRED_BIN], gnuProgram),
    ...merged('sbin', REQUIRED_SBIN, gnuProgram),
    ...(opts.procps ? merged('bin', PROCPS, gnuProgram) : {}),
    '/bin/sh': 'sh:dash',
    '/usr/bin/sh': 'sh:dash',
    '/bin/dash': 'sh:dash',
    '/usr/bin/dash': 'sh:dash',
    '/bin/bash': 'sh:bash',
    '/usr/bin/bash': 'sh:bash',
    '/bin/rbash': 'sh:bash',
    '/usr/bin/rbash': 'sh:bash',
  }
}

/** Tools the buildpack-deps images (under python, node, perl) add: curl, wget, git and friends. */
export function buildpackDepsTools(): Record<string, string> {
  return {
    '/usr/bin/curl': 'curl',
    '/usr/bin/wget': 'coreutils:wget',
    '/usr/bin/git': 'coreutils:git',
    '/usr/bin/ssh': 'coreutils:ssh',
    '/usr/bin/make': 'coreutils:make',
    '/usr/bin/gcc': 'coreutils:gcc',
    '/usr/bin/unzip': 'coreutils:unzip',
    '/usr/bin/xz': 'coreutils:xz',
    '/usr/bin/bzip2': 'coreutils:bzip2',
    '/usr/bin/file': 'coreutils:file',
  }
}
