/**
 * Architecture rules of the modular monolith. Each rule has a known-bad fixture under
 * test/fixtures/boundaries/<rule-name>/ and test/integration/boundaries.int-spec.ts proves that
 * the rule fails on it, so a rule can never silently stop matching.
 */

/**
 * Which bounded contexts each context may use (through their public-api.ts). The arrows run one
 * way: where a context needs something from one it may not depend on, it declares a port (a command
 * or query in its own public API) that the other implements, or reacts to the other's events.
 * A context missing from this map may use no other context until it is added here.
 */
const CONTEXT_DEPENDENCIES = {
  audit: [],
  mail: [],
  accounts: ['audit', 'mail'],
  'two-factor': ['accounts', 'mail'],
  authentication: ['accounts', 'two-factor', 'mail'],
  recovery: ['accounts', 'authentication', 'two-factor', 'mail'],
  groups: ['accounts', 'authentication', 'two-factor', 'mail'],
  operations: ['authentication', 'two-factor', 'recovery'],
  privacy: ['accounts', 'audit', 'authentication', 'two-factor', 'groups'],
  support: ['accounts', 'authentication', 'two-factor', 'groups', 'mail', 'audit'],
  enrollments: ['accounts', 'authentication', 'groups', 'mail'],
};

/** The map itself must not allow a cycle: contexts are layered, not mutually dependent. */
function assertAcyclic(graph) {
  const state = new Map();
  const visit = (context, path) => {
    if (state.get(context) === 'done') return;
    if (state.get(context) === 'visiting')
      throw new Error(`CONTEXT_DEPENDENCIES has a cycle: ${[...path, context].join(' → ')}`);
    state.set(context, 'visiting');
    for (const next of graph[context] ?? []) visit(next, [...path, context]);
    state.set(context, 'done');
  };
  for (const context of Object.keys(graph)) visit(context, []);
}

function contextDependencyRules(graph) {
  assertAcyclic(graph);
  const known = Object.keys(graph);
  const rule = (from, allowed, comment) => ({
    name: 'context-dependencies',
    severity: 'error',
    comment,
    from: { path: from },
    to: { path: '^src/modules/[^/]+/', pathNot: `^src/modules/(${allowed.join('|')})/` },
  });
  return [
    ...known.map((context) =>
      rule(
        `^src/modules/${context}/`,
        [context, ...graph[context]],
        `${context} may use only ${graph[context].join(', ') || 'no other context'} (CONTEXT_DEPENDENCIES in .dependency-cruiser.js).`,
      ),
    ),
    rule(
      `^src/modules/(?!(${known.join('|')})/)([^/]+)/`,
      ['$2'],
      'A new context declares the contexts it uses in CONTEXT_DEPENDENCIES before it uses them.',
    ),
  ];
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...contextDependencyRules(CONTEXT_DEPENDENCIES),
    {
      name: 'context-internals',
      severity: 'error',
      comment:
        "A bounded context may use another context only through that context's public-api.ts " +
        '(commands, queries, events with primitive payloads).',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/public-api\\.ts$'],
      },
    },
    {
      name: 'domain-purity',
      severity: 'error',
      comment:
        'domain/ holds rules only: no application, infrastructure or HTTP code, no Nest, no queues, ' +
        'no platform services (entity decorators from @mikro-orm/core and @app/ddd are allowed, and ' +
        "the platform's StaffRole, a type of its own that the guards check against the same roles).",
      from: { path: '^src/modules/[^/]+/domain/' },
      to: {
        path: [
          '^src/modules/[^/]+/(application|infrastructure|http)/',
          '^src/modules/[^/]+/[^/]+\\.module\\.ts$',
          '^libs/platform/',
          '(^|/)node_modules/(@nestjs|bull|ioredis|nodemailer|express|passport[^/]*|@mikro-orm/(?!core/))',
        ],
        pathNot: '^libs/platform/src/auth/staff-role\\.ts$',
      },
    },
    {
      name: 'libs-independent-of-app',
      severity: 'error',
      comment: 'Shared libraries must not depend on the application or its contexts.',
      from: { path: '^libs/' },
      to: { path: '^src/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycles make load order fragile (decorators read imported classes at import time). ' +
        'public-api.ts exports only commands, queries, events and types, never the module, so contexts ' +
        'that use each other through their buses do not form cycles.',
      from: { path: '^(src|libs)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
