// Vendors the Kubernetes .proto definitions the REST door decodes protobuf request bodies with
// (main/kubeapi/protobuf/proto/), and the Go struct facts the .proto files do not carry (go-fields.json).
//
//   node scripts/protobuf/vendor-k8s-protos.mjs <kubernetes/api git dir> <kubernetes/apimachinery git dir> [tag]
//
// The tag (default v0.32.5, the k8s.io/api release of Kubernetes 1.32.5, the version the door reports) is read
// with `git show TAG:PATH`, so the checkouts may be bare. Each generated.proto is written with its comment lines
// removed (they repeat the API docs the OpenAPI documents carry; the definitions stay byte for byte).
//
// go-fields.json: for each message (`k8s.io.api.apps.v1.DeploymentSpec`), its fields in the Go struct's order
// (json.Marshal's order), each `protoName` plus `=jsonName` when the JSON name differs and the flags
// `*` (a pointer: a zero value on the wire was set and stays), `!` (no omitempty: a zero value is printed),
// `~` (`json:",inline"`: its fields are the parent's). gogo-protobuf writes every non-pointer scalar, zero or
// not, so without these a decoded object would carry `generateName: ""`, `generation: 0`... that the JSON of
// the same Go struct leaves out.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const [apiRepo, machineryRepo, tag = 'v0.32.5'] = process.argv.slice(2)
if (!apiRepo || !machineryRepo) {
  console.error('usage: vendor-k8s-protos.mjs <kubernetes/api git dir> <kubernetes/apimachinery git dir> [tag]')
  process.exit(2)
}
const out = join(dirname(fileURLToPath(import.meta.url)), '../../main/kubeapi/protobuf/proto')

/** [repo, directory in the repo, import path prefix, proto package]: the served groups and what they import. */
const PACKAGES = [
  [machineryRepo, 'pkg/runtime', 'k8s.io/apimachinery', 'k8s.io.apimachinery.pkg.runtime'],
  [machineryRepo, 'pkg/runtime/schema', 'k8s.io/apimachinery', 'k8s.io.apimachinery.pkg.runtime.schema'],
  [machineryRepo, 'pkg/util/intstr', 'k8s.io/apimachinery', 'k8s.io.apimachinery.pkg.util.intstr'],
  [machineryRepo, 'pkg/api/resource', 'k8s.io/apimachinery', 'k8s.io.apimachinery.pkg.api.resource'],
  [machineryRepo, 'pkg/apis/meta/v1', 'k8s.io/apimachinery', 'k8s.io.apimachinery.pkg.apis.meta.v1'],
  [apiRepo, 'core/v1', 'k8s.io/api', 'k8s.io.api.core.v1'],
  [apiRepo, 'apps/v1', 'k8s.io/api', 'k8s.io.api.apps.v1'],
  [apiRepo, 'batch/v1', 'k8s.io/api', 'k8s.io.api.batch.v1'],
  [apiRepo, 'events/v1', 'k8s.io/api', 'k8s.io.api.events.v1'],
  [apiRepo, 'coordination/v1', 'k8s.io/api', 'k8s.io.api.coordination.v1'],
  [apiRepo, 'autoscaling/v1', 'k8s.io/api', 'k8s.io.api.autoscaling.v1'],
  [apiRepo, 'policy/v1', 'k8s.io/api', 'k8s.io.api.policy.v1'],
]

const git = (repo, ...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })

const fields = {}
const files = []
for (const [repo, dir, prefix, pkg] of PACKAGES) {
  const proto = git(repo, 'show', `${tag}:${dir}/generated.proto`)
  const stripped = proto
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
  const path = `${prefix}/${dir}/generated.proto`
  mkdirSync(dirname(join(out, path)), { recursive: true })
  writeFileSync(join(out, path), stripped)
  files.push(path)
  const goFiles = git(repo, 'ls-tree', '--name-only', tag, `${dir}/`)
    .split('\n')
    .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go') && !f.includes('zz_generated') && !f.endsWith('.pb.go') && !f.includes('swagger_doc'))
  for (const file of goFiles) Object.assign(fields, structFields(git(repo, 'show', `${tag}:${file}`), pkg))
}

/** The protobuf-tagged fields of each struct of a Go file, as go-fields.json writes them. */
function structFields(source, pkg) {
  const found = {}
  const structs = source.matchAll(/^type (\w+) struct \{\n([\s\S]*?)^\}/gm)
  for (const [, name, body] of structs) {
    const entries = []
    for (const line of body.split('\n')) {
      const m = /^\s*(?:(\w+)\s+)?(\*?[\w.\[\]*]+(?:\[[\w.*]+\][\w.*]+)?)\s+`([^`]*)`/.exec(line)
      if (!m) continue
      const [, , goType, tags] = m
      const tag = /protobuf:"([^"]*)"/.exec(tags)?.[1]
      if (tag === undefined || tag === '-') continue
      // An embedded struct's tag may omit name= (EphemeralContainer's `protobuf:"bytes,1,req"`): go-to-protobuf
      // names the field after the type, lower camel case (ephemeralContainerCommon).
      const embedded = goType.replace(/^\*/, '').split('.').pop() ?? ''
      const proto = /name=(\w+)/.exec(tag) ?? [tag, embedded.charAt(0).toLowerCase() + embedded.slice(1)]
      const json = /json:"([^"]*)"/.exec(tags)?.[1] ?? ''
      const [jsonName = '', ...options] = json.split(',')
      let entry = proto[1]
      if (options.includes('inline')) entry += '~'
      else if (jsonName !== proto[1]) entry += `=${jsonName}`
      if (goType.startsWith('*')) entry += '*'
      if (!options.includes('omitempty') && !options.includes('inline')) entry += '!'
      entries.push(entry)
    }
    if (entries.length > 0) found[`${pkg}.${name}`] = entries
  }
  return found
}

writeFileSync(join(out, 'go-fields.json'), `${JSON.stringify(fields, Object.keys(fields).sort(), 0)}\n`)
writeFileSync(join(out, 'files.json'), `${JSON.stringify({ tag, files }, null, 2)}\n`)
console.log(`wrote ${files.length} .proto files and ${Object.keys(fields).length} messages' Go fields (${tag}) under ${out}`)
