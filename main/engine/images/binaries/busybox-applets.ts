// BusyBox's applets and the directory `busybox --install` puts each in (include/applets.src.h: BB_DIR_BIN,
// BB_DIR_SBIN, BB_DIR_USR_BIN, BB_DIR_USR_SBIN), for a default (defconfig) build as the busybox images ship.
// The docker-library busybox image installs them all flat in /bin (`busybox --install /bin`); Alpine installs
// its own configuration into each applet's directory, without the applets Alpine moves to busybox-extras.

export type AppletDir = '/bin' | '/sbin' | '/usr/bin' | '/usr/sbin'

const BY_DIR: Record<AppletDir, string> = {
  '/bin': `arch ash base64 cat chattr chgrp chmod chown conspy cp cpio cttyhack date dd df dmesg dnsdomainname dumpkmap
    echo ed egrep false fatattr fdflush fgrep fsync getopt grep gunzip gzip hostname hush ionice iostat ipcalc kbd_mode
    kill link linux32 linux64 ln login ls lsattr lzop makemime mkdir mknod mktemp more mount mountpoint mpstat mt mv
    netstat nice nuke pidof ping ping6 pipe_progress printenv ps pwd reformime resume rev rm rmdir run-parts
    scriptreplay sed setarch setpriv setserial sh sleep stat stty su sync tar touch true umount uname usleep vi watch
    zcat`,
  '/sbin': `acpid adjtimex arp blkid blockdev bootchartd depmod devmem fbsplash fdisk findfs freeramdisk fsck fsck.minix
    fstrim getty halt hdparm hwclock ifconfig ifdown ifenslave ifup init insmod ip ipaddr iplink ipneigh iproute iprule
    iptunnel klogd loadkmap logread losetup lsmod makedevs mdev mkdosfs mke2fs mkfs.ext2 mkfs.minix mkfs.vfat mkswap
    modinfo modprobe nameif pivot_root poweroff raidautorun reboot rmmod route run-init runlevel setconsole slattach
    start-stop-daemon sulogin swapoff swapon switch_root sysctl syslogd tc tunctl udhcpc uevent vconfig watchdog zcip`,
  '/usr/bin': `[ [[ ascii awk basename bc beep blkdiscard bunzip2 bzcat bzip2 cal chpst chrt chvt cksum clear cmp comm
    crc32 crontab cryptpw cut dc deallocvt diff dirname dos2unix dpkg-deb du dumpleases eject env envdir envuidgid
    expand expr factor fallocate fgconsole find flock fold free ftpget ftpput fuser groups hd head hexdump hexedit
    hostid id install ipcrm ipcs killall last less logger logname lpq lpr lsof lspci lsscsi lsusb lzcat lzma man
    md5sum mesg microcom mkfifo mkpasswd nc nl nmeter nohup nproc nsenter nslookup od openvt passwd paste patch pgrep
    pkill pmap printf pscan pstree pwdx readlink realpath renice reset resize rpm2cpio runsv runsvdir rx script seq
    setfattr setkeycodes setsid setuidgid sha1sum sha256sum sha3sum sha512sum showkey shred shuf smemcap softlimit
    sort split ssl_client strings sum sv svc svok tac tail taskset tcpsvd tee telnet test tftp time timeout top tr
    traceroute traceroute6 tree truncate ts tty ttysize udhcpc6 udpsvd unexpand uniq unix2dos unlink unlzma unshare
    unxz unzip uptime users uudecode uuencode vlock volname w wall wc wget which who whoami whois xargs xxd xz xzcat
    yes`,
  '/usr/sbin': `addgroup add-shell adduser arping brctl chat chpasswd chroot crond delgroup deluser dhcprelay dnsd
    ether-wake fakeidentd fbset fdformat fsfreeze ftpd httpd i2cdetect i2cdump i2cget i2cset i2ctransfer ifplugd inetd
    killall5 loadfont lpd nanddump nandwrite nbd-client nologin ntpd partprobe popmaildir powertop rdate rdev
    readahead readprofile remove-shell rtcwake sendmail setfont setlogcons svlogd telnetd tftpd ubiattach ubidetach
    ubimkvol ubirename ubirmvol ubirsvol ubiupdatevol udhcpd`,
}

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '')

/** Every applet with its install directory. */
export const BUSYBOX_APPLETS: ReadonlyArray<readonly [name: string, dir: AppletDir]> = (Object.keys(BY_DIR) as AppletDir[]).flatMap(
  (dir) => words(BY_DIR[dir]).map((name) => [name, dir] as const),
)

/** Applets Alpine's busybox leaves out (busybox-extras, or packages of their own). */
export const NOT_IN_ALPINE_BUSYBOX = new Set(
  words(`ed httpd telnet telnetd ftpd ftpget ftpput tftp tftpd inetd fakeidentd dnsd dhcprelay udhcpd dumpleases
    bootchartd conspy hush nuke resume run-init cttyhack rx lpd lpq lpr man rpm2cpio dpkg-deb sendmail popmaildir
    makemime reformime microcom nandwrite nanddump ubiattach ubidetach ubimkvol ubirename ubirmvol ubirsvol
    ubiupdatevol powertop tree ts hexedit crc32 bc dc beep sha3sum xxd`),
)

/** The program id an applet runs: the shells are the shell helper's `sh:busybox`, the rest `busybox:<applet>`. */
export function appletProgram(name: string): string {
  return name === 'sh' || name === 'ash' ? 'sh:busybox' : `busybox:${name}`
}
