/**
 * kafkascope's dependency rule (run by `npm test`): no import cycles; each layer of sim/ imports only
 * from the layers below it; src/ and cli/ reach the core only through sim/index.ts.
 *
 * The rule reads run-time imports: Babel strips TypeScript types before the imports are read, so an
 * `import type` does not count. The one type every layer sees from above is `World` (nodes/world.ts),
 * the aggregate of all state; the functions and values a layer calls always come from below.
 * (@swc/core is installed only so that dependency-cruiser 17 scans .ts files without TypeScript < 7.)
 */
const LAYERS = [
  'kernel', // scheduler, seeded Rng, network, node I/O, trace hash: no Kafka
  'kafka', // Kafka's vocabulary: names, typed messages and events, config registry, murmur2, placement
  'history', // what clients observed, written by clients, read by checkers
  'storage', // partition logs: batches, leader epochs, producer state
  'controller', // KRaft quorum, metadata, elections
  'cluster', // broker request handlers, purgatory, replica fetchers, ISR
  'coordinator', // the group coordinator over __consumer_offsets; assignors
  'clients', // producer, plain reader, group member
  'nodes', // the world, the registry of node behaviours, lifecycle
  'scenario', // schema, parser, built-ins, sessions, timeline actions
  'run.ts', // step / runUntil
  'observe', // read-only queries over the state
  'check', // checkers
  'trace', // summary, event formatters, kafka tools text
  'view', // the published view
  'testing', // the fuzzer
  'index.ts', // the public API
]
const pathOf = (layer) => (layer.endsWith('.ts') ? `^sim/${layer.replace('.', '[.]')}$` : `^sim/${layer}/`)
const TESTS = '[.]test[.]tsx?$|[.]test-helper[.]ts$'

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `sim-layer-${layer.replace('.ts', '')}`,
  comment: `sim/${layer} may import only from the layers below it: ${LAYERS.slice(0, i).join(', ') || 'none'}`,
  severity: 'error',
  from: { path: pathOf(layer), pathNot: TESTS },
  to: { path: LAYERS.slice(i + 1).map(pathOf) },
}))

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'no import cycles', from: {}, to: { circular: true } },
    ...layerRules,
    {
      name: 'sim-files-in-a-layer',
      comment: 'every file of sim/ (tests aside) belongs to a layer listed in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^sim/', pathNot: [TESTS, ...LAYERS.map(pathOf)] },
      to: {},
    },
    {
      name: 'src-through-sim-index',
      comment: 'the app reaches the core only through sim/index.ts',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^sim/', pathNot: '^sim/index[.]ts$' },
    },
    {
      name: 'cli-through-sim-index',
      comment: 'the CLI reaches the core only through sim/index.ts',
      severity: 'error',
      from: { path: '^cli/' },
      to: { path: '^sim/', pathNot: '^sim/index[.]ts$' },
    },
    {
      name: 'sim-not-to-app',
      comment: 'the core never imports the app, the CLI or the DOM libraries',
      severity: 'error',
      from: { path: '^sim/' },
      to: { path: ['^src/', '^cli/', '^(react|react-dom)(/|$)', 'node_modules/(preact|d3|zustand)/'] },
    },
    {
      name: 'resolvable',
      comment: 'every import resolves (react and react-dom are names the build aliases to preact/compat: vite.config.ts)',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(react|react-dom)(/(client|jsx-runtime|jsx-dev-runtime))?$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    babelConfig: { fileName: 'scripts/depcruise.babel.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
}
