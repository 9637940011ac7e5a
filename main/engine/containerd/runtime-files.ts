// The files the kubelet and containerd put into every container: /etc/hosts (the kubelet's managed hosts
// file), /etc/hostname and /etc/resolv.conf (from the sandbox; kind's ClusterFirst DNS: kube-dns at
// 10.96.0.10), and the termination-message file, empty until the container writes to it.

/** kubelet managedHostsFileContent for a pod on the pod network. */
export function hostsFile(ip: string, hostname: string): string {
  return [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
    `${ip}\t${hostname}`,
    '',
  ].join('\n')
}

/** ClusterFirst in namespace `namespace` of a cluster whose domain is cluster.local. */
export function resolvConf(namespace: string): string {
  return `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`
}

/** The runtime's files of a container: path -> content. */
export function runtimeFiles(ip: string, hostname: string, namespace: string, terminationMessagePath: string): Record<string, string> {
  return {
    '/etc/hosts': hostsFile(ip, hostname),
    '/etc/hostname': `${hostname}\n`,
    '/etc/resolv.conf': resolvConf(namespace),
    [terminationMessagePath]: '',
  }
}
