import { loadConfig, ormOptions } from '@app/platform';

/**
 * Used by the MikroORM CLI (`npm run migration:create`, `migration:up`); the running service builds
 * the same options in the platform module.
 */
export default ormOptions(
  loadConfig().DATABASE_URL,
  {
    entities: ['dist/**/*.entity.js'],
    entitiesTs: ['src/**/*.entity.ts', 'libs/**/*.entity.ts'],
    allowGlobalContext: true,
  },
  { forCli: true },
);
