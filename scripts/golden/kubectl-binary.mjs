// The real kubectl the goldens are recorded from: the plain upstream 1.32 build that sits beside the gcloud
// dispatcher found on PATH.

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export function findKubectl() {
  const onPath = execFileSync('bash', ['-c', 'readlink -f "$(command -v kubectl)"'], { encoding: 'utf8' }).trim()
  const binary = path.join(path.dirname(onPath), 'kubectl.1.32')
  if (!fs.existsSync(binary)) throw new Error(`no kubectl.1.32 beside ${onPath}`)
  return binary
}
