/**
 * `npm run lint:deps`: the layers of the package, checked by dependency-cruiser over src/,
 * machines/ and adapters/ (tests may import anything, so they are not cruised).
 *
 * - machines/ are pure statecharts: they may name types from src/ (erased at build time) but
 *   import no code from it, so a machine runs with whatever actors it is given.
 * - adapters/ are the ports' implementations and their own package subpaths: they import nothing
 *   from src/ or machines/, so an app can use one without pulling in the session.
 * - The emulator is a test double and its own subpath: only src/emulator/ itself imports it (its
 *   CLI and its package entry `src/emulator/index.ts` included), never the library code beside it.
 * - No import cycles at run time: a cycle makes evaluation order matter. Type-only imports
 *   (`import type`, `import('…')` in a type) are erased at build time, so a cycle through one is
 *   allowed.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'machines-import-no-src-code',
      comment: 'machines/ may import types from src/, never code: use `import type`.',
      severity: 'error',
      from: { path: '^machines/' },
      to: { path: '^src/', dependencyTypesNot: ['type-only', 'type-import'] },
    },
    {
      name: 'adapters-import-no-src',
      comment: 'adapters/ import nothing from src/ or machines/ (not even types): they stand alone.',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { path: '^(src|machines)/' },
    },
    {
      name: 'only-the-emulator-imports-the-emulator',
      comment:
        'src/emulator/ is imported by itself (its CLI and package entry included) and by tests only.',
      severity: 'error',
      from: { pathNot: '^src/emulator/' },
      to: { path: '^src/emulator/' },
    },
    {
      name: 'no-import-cycles',
      comment: 'An import cycle makes module evaluation order matter; break it.',
      severity: 'error',
      from: {},
      // Type-only imports are erased at build time: a cycle through one has no evaluation order.
      to: {
        circular: true,
        dependencyTypesNot: ['type-only', 'type-import'],
        viaOnly: { dependencyTypesNot: ['type-only', 'type-import'] },
      },
    },
    {
      name: 'no-unresolved-imports',
      comment: 'An import that does not resolve would slip past every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports are cruised too (marked `type-only`): the machines rule tells them apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    // Packages resolve through their `exports` (tsdown has no `main`); sources as written (`.ts`).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.mts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
}
