import { it } from 'vitest'
import { yamlToJSON } from './yaml-to-json'
import { Parser } from './parser'
import { Scanner } from './scanner'
it('perf', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\n    tier: "front"\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n    args: ["--port", "80", \'x\']\n    env:\n    - name: A\n      value: |\n        some text\n        more\n'
  const items = Array.from({ length: 8000 }, (_, i) => `p${i}:\n` + pod.split('\n').map((l) => '  ' + l).join('\n')).join('\n')
  let t = performance.now(); const sc = new Scanner(items); let n = 0; while (sc.peek().type !== 1) { sc.skipToken(); n++ } ; console.log('scanner ms', Math.round(performance.now() - t), n)
  t = performance.now(); const p = new Parser(items); while (p.parse()) {} ; console.log('parser ms', Math.round(performance.now() - t))
  t = performance.now(); const r = yamlToJSON(items); console.log('all ms', Math.round(performance.now() - t), 'error' in r ? r.error : 'ok')
})
