/**
 * A stand-in PostgreSQL adapter for the schema engine's datamodel-to-datamodel diff, which makes
 * the next PostgreSQL migration on machines without PostgreSQL. The engine still asks the server
 * for its version once; this answers that (as PostgreSQL 15) and refuses anything else, so a diff
 * that would really need a database fails loudly instead of inventing an answer.
 */
import { ColumnTypeEnum, type SqlMigrationAwareDriverAdapterFactory, type SqlQuery } from '@prisma/driver-adapter-utils';

const OFFLINE = 'offline PostgreSQL stand-in: this step needs a real database';

export function offlinePostgresFactory(): SqlMigrationAwareDriverAdapterFactory {
  const adapter = {
    provider: 'postgres' as const,
    adapterName: '@prisma/adapter-pg',
    async queryRaw(query: SqlQuery) {
      if (!/\bversion\(\)/.test(query.sql)) throw new Error(OFFLINE);
      return {
        columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, 'PostgreSQL 15.0', 150000]],
      };
    },
    async executeRaw(): Promise<number> {
      throw new Error(OFFLINE);
    },
    async executeScript(): Promise<void> {
      throw new Error(OFFLINE);
    },
    async startTransaction(): Promise<never> {
      throw new Error(OFFLINE);
    },
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    async dispose() {},
  };
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: async () => adapter as never,
    connectToShadowDb: async () => {
      throw new Error(OFFLINE);
    },
  };
}
