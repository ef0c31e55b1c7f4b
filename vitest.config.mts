import vue from '@vitejs/plugin-vue'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { whyNoPostgres } from './scripts/postgres/throwawayCluster'

/** Tests of the SQLite file itself (backups, damage, pragmas, the write queue, old files): one engine only. */
const SQLITE_ONLY = [
  'tests/main/database/backups.test.ts',
  'tests/main/database/damaged.test.ts',
  'tests/main/database/pragmas.test.ts',
  'tests/main/database/writeQueue.test.ts',
  'tests/main/database/mergeErasePermissionsMigration.test.ts',
  'tests/main/database/searchTermFiltersMigration.test.ts',
  'tests/main/dataDir.test.ts',
  'tests/main/preview/**',
]

const noPostgres = whyNoPostgres()
if (noPostgres) {
  if (process.env.CI) throw new Error(`CI must run the PostgreSQL half of the backend suite, but ${noPostgres}`)
  console.warn(`\n[vitest] The PostgreSQL half of the backend suite is SKIPPED: ${noPostgres}.\n`)
}

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@renderer': resolve(import.meta.dirname, 'src/renderer/src'),
      '@shared': resolve(import.meta.dirname, 'src/shared'),
    },
  },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Real databases on two cores: parallel files mostly contend for the disk.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['tests/{main,shell,shared,renderer,bench}/**/*.test.ts'],
          env: { FRONTDESK_TEST_ENGINE: 'sqlite' },
        },
      },
      ...(noPostgres
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['tests/{main,bench}/**/*.test.ts'],
                exclude: SQLITE_ONLY,
                env: { FRONTDESK_TEST_ENGINE: 'postgres' },
                globalSetup: ['tests/support/postgresGlobalSetup.ts'],
              },
            },
          ]),
    ],
  },
})
