// The manifests the changing chapters apply, create, replace and delete (written into both sides' folders).

export const POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: applied
  labels:
    app: applied
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`

const CONFIGMAP_YAML = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  a: "1"
`

export const DEPLOYMENT_JSON = JSON.stringify({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', labels: { app: 'api' } },
  spec: { replicas: 1, selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'nginx:1.27' }] } } },
})

export const MANIFESTS: Record<string, string> = {
  'node.yaml': 'apiVersion: v1\nkind: Node\nmetadata:\n  name: podlab-extra\n  labels:\n    pool: extra\n',
  'pinned.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: pinned\nspec:\n  nodeName: podlab-extra\n  containers:\n  - name: nginx\n    image: nginx\n',
  'pod.yaml': POD_YAML,
  'pod-relabelled.yaml': POD_YAML.replace('app: applied', 'app: applied\n    tier: web'),
  'cfg.yaml': CONFIGMAP_YAML,
  'cfg-replaced.yaml': CONFIGMAP_YAML.replace('a: "1"', 'a: "2"\n  b: three'),
  'ghost.yaml': POD_YAML.replace(/applied/g, 'ghost'),
  'api.json': DEPLOYMENT_JSON,
  'bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: c\n    image: nginx\n    ports:\n    - containerPort: "eighty"\n',
}
