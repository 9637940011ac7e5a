// The arrows point one way: renderer -> contract <- doors (host, ipc, protocol, the Electron entry) -> engine.
// `npm test` runs this (npm run lint:arrows); a wrong import fails CI. scripts/arrows.test.ts shows one failing.
// Tests may reach across (an engine test may drive the CLI); what ships may not.
const TESTS = '(\\.test\\.ts$|/testing/)'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'contract-is-pure',
      comment: 'The contract every door speaks is types and pure checks: it imports nothing but itself and the Go helpers.',
      severity: 'error',
      from: { path: '^main/contract/', pathNot: TESTS },
      to: { pathNot: '^main/(contract|gostd)/' },
    },
    {
      name: 'gostd-is-pure',
      comment: "Ports of Go's own helpers (durations, quoting, tabwriter, pflag, quantities, YAML): every layer may use them, so they import nothing, not even Node.",
      severity: 'error',
      from: { path: '^main/gostd/', pathNot: TESTS },
      to: { pathNot: '^main/gostd/' },
    },
    {
      name: 'engine-knows-no-door',
      comment: 'The simulated cluster never knows who drives it: no door, no kubectl, no renderer, no Electron.',
      severity: 'error',
      from: { path: '^main/engine/', pathNot: TESTS },
      to: { path: '^(main/(host|ipc|protocol|kubectl)/|main/[^/]+\\.ts$|preload/|renderer/)|^electron$' },
    },
    {
      name: 'kubectl-is-a-client',
      comment: 'The built-in kubectl talks to the engine like any client; the doors call it, not the other way.',
      severity: 'error',
      from: { path: '^main/kubectl/', pathNot: TESTS },
      to: { path: '^(main/(host|ipc|protocol)/|main/[^/]+\\.ts$|preload/|renderer/)|^electron$' },
    },
    {
      name: 'host-is-plain-node',
      comment: 'What every door shares runs in plain Node (the CLI, serve): only the Electron entry, ipc/ and protocol/ know Electron.',
      severity: 'error',
      from: { path: '^main/host/', pathNot: TESTS },
      to: { path: '^(main/(ipc|protocol)/|main/[^/]+\\.ts$|preload/|renderer/)|^electron$' },
    },
    {
      name: 'renderer-sees-only-the-contract',
      comment: 'The page reaches the cluster through the contract and its door adapter only, never the main process.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: TESTS },
      to: { path: '^(main/(?!contract/|gostd/)|preload/)' },
    },
    {
      name: 'renderer-is-a-browser-page',
      comment: 'Renderer code runs sandboxed in a page: no Node built-ins.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      comment: 'Import cycles through code that runs (an import of types only is erased and cannot loop).',
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
  },
}
