// busybox nslookup HOST [SERVER]. Two generations: busybox before 1.29 (the docs' busybox:1.28) asks libc
// (getaddrinfo, search domains applied) and prints "Server:    10.96.0.10" / "Address 1: 10.96.0.10
// kube-dns.kube-system.svc.cluster.local" (each address with its reverse name) then "Name:" lines, or `nslookup: can't resolve 'x'` on stderr; 1.29 and later send their own A and AAAA queries
// (networking/nslookup.c: the resolv.conf search list for names without a dot) and print one block per reply,
// `** server can't find x: NXDOMAIN` for a failed one, exit 1 if any failed. The pod's DNS is Sys.resolve,
// which knows no Services yet, and no AAAA records.

import { isErrno } from '../../process/errno'
import type { Program, Sys } from '../../process/program'
import { busyboxUsage } from '../busybox/usage'
import { complain, type Invocation, oneShot } from '../kit'

interface ResolvConf {
  nameserver: string
  search: string[]
}

function resolvConf(sys: Sys): ResolvConf {
  const text = sys.fs.readFile('/etc/resolv.conf')
  const conf: ResolvConf = { nameserver: '10.96.0.10', search: [] }
  if (isErrno(text)) return conf
  let sawNameserver = false
  for (const line of text.split('\n')) {
    const [key, ...values] = line.trim().split(/\s+/)
    if (key === 'nameserver' && !sawNameserver && values[0]) {
      conf.nameserver = values[0]
      sawNameserver = true
    } else if (key === 'search' || key === 'domain') conf.search = values
  }
  return conf
}

/** busybox < 1.29: version from the image's tag (busybox:1.28, busybox:1.28.4). */
function usesLibc(image: string): boolean {
  const tag = /:(\d+)\.(\d+)/.exec(image.slice(image.lastIndexOf('/')))
  return tag !== null && Number(tag[1]) === 1 && Number(tag[2]) < 29
}

/** The cluster DNS Service (kind's kube-dns ClusterIP) and the name its PTR record gives. */
const CLUSTER_DNS = { ip: '10.96.0.10', name: 'kube-dns.kube-system.svc.cluster.local' }

/**
 * getnameinfo(NI_NAMEREQD) of `ip` as libc does it: /etc/hosts first (the kubelet's file names the pod's own
 * address and localhost), then a PTR query, which CoreDNS answers for Service IPs (kube-dns; Podlab simulates
 * no other Services yet). Undefined when nothing names it.
 */
function reverseName(sys: Sys, ip: string): string | undefined {
  const hosts = sys.fs.readFile('/etc/hosts')
  if (!isErrno(hosts)) {
    for (const line of hosts.split('\n')) {
      const [address, first] = line.replace(/#.*/, '').trim().split(/\s+/)
      if (address === ip && first) return first
    }
  }
  return ip === CLUSTER_DNS.ip ? CLUSTER_DNS.name : undefined
}

/** print_host's address lines (networking/nslookup.c before 1.29): `Address N: IP NAME`, the name when one exists. */
function addressLines(sys: Sys, addresses: string[]): string {
  return addresses.map((a, i) => `Address ${i + 1}: ${a}${reverseName(sys, a) === undefined ? '' : ` ${reverseName(sys, a)}`}\n`).join('')
}

function oldNslookup(sys: Sys, name: string, conf: ResolvConf): number {
  let out = `${'Server:'.padEnd(10)} ${conf.nameserver}\n${addressLines(sys, [conf.nameserver])}\n`
  const fqdns = name.endsWith('.') || name.split('.').length > 5 ? [name] : [...conf.search.map((d) => `${name}.${d}`), name]
  for (const fqdn of fqdns) {
    const found = sys.resolve(fqdn)
    if ('addresses' in found) {
      out += `${'Name:'.padEnd(10)} ${name}\n${addressLines(sys, found.addresses)}`
      sys.write(1, out)
      return 0
    }
  }
  sys.write(1, out)
  complain(sys, `nslookup: can't resolve '${name}'`)
  return 1
}

function newNslookup(sys: Sys, name: string, conf: ResolvConf): number {
  const names = name.includes('.') || conf.search.length === 0 ? [name] : conf.search.map((d) => `${name}.${d}`)
  let out = `Server:\t\t${conf.nameserver}\nAddress:\t${conf.nameserver}:53\n\n`
  let status = 0
  for (const type of ['A', 'AAAA']) {
    for (const fqdn of names) {
      const found = sys.resolve(fqdn)
      if ('error' in found) {
        out += `** server can't find ${fqdn}: ${found.error}\n\n`
        status = 1
      } else {
        out += type === 'A' ? `${found.addresses.map((a) => `Name:\t${fqdn}\nAddress: ${a}\n`).join('')}\n` : '\n'
      }
    }
  }
  sys.write(1, out)
  return status
}

export const nslookup: Program<Invocation> = oneShot((inv, sys) => {
  const operands = inv.argv.slice(1).filter((a) => !a.startsWith('-'))
  const name = operands[0]
  if (name === undefined || operands.length > 2) return busyboxUsage(sys, 'nslookup')
  const conf = resolvConf(sys)
  if (operands[1] !== undefined) conf.nameserver = operands[1]
  return usesLibc(inv.image) ? oldNslookup(sys, name, conf) : newNslookup(sys, name, conf)
})
