/**
 * Architecture rules of the modular monolith. Each rule has a known-bad fixture under
 * test/fixtures/boundaries/<rule-name>/ and test/integration/boundaries.int-spec.ts proves that
 * the rule fails on it, so a rule can never silently stop matching.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'context-internals',
      severity: 'error',
      comment:
        'A bounded context may use another context only through that context\'s public-api.ts ' +
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
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
