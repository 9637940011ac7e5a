// The arrows point one way: renderer -> contract <- doors (host, door, ipc, protocol, the Electron entry) -> engine face
// -> engine insides; kube/ (Kubernetes shapes) and gostd/ (Go behaviours) are pure and shared by all.
// `npm test` runs this (npm run lint:arrows); a wrong import fails CI. scripts/arrows.test.ts shows one failing.
// Tests may reach across (an engine test may drive the CLI); what ships may not.
const TESTS = '(\\.test\\.ts$|/testing/)'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'kube-is-pure',
      comment: 'Kubernetes object shapes, Status and Table are types every layer shares: they import nothing.',
      severity: 'error',
      from: { path: '^main/kube/', pathNot: TESTS },
      to: { pathNot: '^main/kube/' },
    },
    {
      name: 'contract-is-pure',
      comment: 'The door protocol is types and pure checks over the Kubernetes shapes: it imports only kube/ and gostd/.',
      severity: 'error',
      from: { path: '^main/contract/', pathNot: TESTS },
      to: { pathNot: '^main/(contract|kube|gostd)/' },
    },
    {
      name: 'gostd-is-pure',
      comment: 'The Go helpers ported for fidelity (durations, %q, tabwriter, pflag, quantities, YAML) import nothing of Podlab, so every layer may use them.',
      severity: 'error',
      from: { path: '^main/gostd/', pathNot: TESTS },
      to: { pathNot: '^main/gostd/' },
    },
    {
      name: 'engine-knows-no-door',
      comment: 'The simulated cluster never knows who drives it: no door, no door protocol, no kubectl, no renderer, no Electron.',
      severity: 'error',
      from: { path: '^main/engine/', pathNot: TESTS },
      to: { path: '^(main/(host|door|ipc|protocol|kubectl|kubeapi|contract)/|main/[^/]+\\.ts$|preload/|renderer/)|^electron$' },
    },
    {
      name: 'processes-know-only-the-process-seam',
      comment: 'What runs inside a simulated container (process/ seam, shell/, programs/) knows only the Program/Sys contract, Go helpers and each other (programs/ spreads the shells into its one table): never the runtime, the kubelet or the API that run it.',
      severity: 'error',
      from: { path: '^main/engine/(process|shell|programs)/', pathNot: TESTS },
      to: { path: '^main/engine/', pathNot: '^main/engine/(process|shell|programs)/' },
    },
    {
      name: 'the-shell-is-below-the-programs',
      comment: 'The table of programs spreads the shells in; a shell finds other programs only through Sys.spawn.',
      severity: 'error',
      from: { path: '^main/engine/(process|shell)/', pathNot: TESTS },
      to: { path: '^main/engine/programs/' },
    },
    {
      name: 'images-are-data',
      comment: 'The registry as data: image configs name program ids and signals, nothing that runs them.',
      severity: 'error',
      from: { path: '^main/engine/images/', pathNot: TESTS },
      to: { path: '^main/engine/', pathNot: '^main/engine/(images|process)/' },
    },
    {
      name: 'the-runtime-is-below-the-kubelet',
      comment: 'containerd/ answers the kubelet (CRI) and never calls it back except through the PLEG listener it is given.',
      severity: 'error',
      from: { path: '^main/engine/containerd/', pathNot: TESTS },
      to: { path: '^main/engine/(kubelet|controllers|scheduler|chaos)/' },
    },
    {
      name: 'only-the-engine-face',
      comment: 'Doors and kubectl reach the engine through main/engine/index.ts only, never its insides (tests may reach in).',
      severity: 'error',
      from: { path: '^(main/(host|door|ipc|protocol|kubectl|kubeapi)/|main/[^/]+\\.ts$)', pathNot: TESTS },
      to: { path: '^main/engine/', pathNot: '^main/engine/index\\.ts$' },
    },
    {
      name: 'kubectl-is-a-client',
      comment: 'The built-in kubectl talks to the engine like any client; the doors call it, not the other way.',
      severity: 'error',
      from: { path: '^main/kubectl/', pathNot: TESTS },
      to: { path: '^(main/(host|door|ipc|protocol|kubeapi)/|main/[^/]+\\.ts$|preload/|renderer/)|^electron$' },
    },
    {
      name: 'door-is-plain-node',
      comment: 'What every door shares (session, clock driver, file polling, CSP, paths) runs in plain Node and knows no particular door.',
      severity: 'error',
      from: { path: '^main/door/', pathNot: TESTS },
      to: { path: '^(main/(host|ipc|protocol|kubeapi)/|main/[^/]+\\.ts$|preload/|renderer/)|^electron$' },
    },
    {
      name: 'kubeapi-is-a-door',
      comment: 'The Kubernetes REST door runs in plain Node and knows no other door, no door protocol, no built-in kubectl (but the server version file both serve): the host starts it and decides who may come in.',
      severity: 'error',
      from: { path: '^main/kubeapi/', pathNot: TESTS },
      // The server's version.Info is data both print (kubectl version) and serve (/version), and kind's admin's rules
      // (kubectl auth can-i --list, the door's SelfSubjectRulesReview): one file each.
      to: { path: '^(main/(host|ipc|protocol|kubectl|contract)/|main/[^/]+\\.ts$|preload/|renderer/)|^electron$', pathNot: '^main/kubectl/cmd/(version/server-version|auth/admin-rules)\\.json$' },
    },
    {
      name: 'host-is-plain-node',
      comment: 'The web host and the podlab CLI run in plain Node: only the Electron entry, ipc/ and protocol/ know Electron.',
      severity: 'error',
      from: { path: '^main/host/', pathNot: TESTS },
      to: { path: '^(main/(ipc|protocol)/|main/[^/]+\\.ts$|preload/|renderer/)|^electron$' },
    },
    {
      name: 'electron-doors-skip-the-web-host',
      comment: 'The Electron window (entry, ipc, protocol) shares door/ with the web host, not the web host itself.',
      severity: 'error',
      from: { path: '^(main/(ipc|protocol)/|main/[^/]+\\.ts$)', pathNot: TESTS },
      to: { path: '^main/host/' },
    },
    {
      name: 'renderer-sees-only-the-contract',
      comment: 'The page reaches the cluster through the contract (and the Kubernetes shapes it carries) only, never the main process.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: TESTS },
      to: { path: '^(main/(?!contract/|kube/|gostd/)|preload/)' },
    },
    {
      name: 'renderer-is-a-browser-page',
      comment: 'Renderer code runs sandboxed in a page: no Node built-ins.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'test-support-stays-in-tests',
      comment: 'Code that ships never imports test support (a testing/ folder), which the other rules do not look into.',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { path: '/testing/' },
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
