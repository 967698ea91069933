// Prisma CLI configuration (used by `prisma generate` and, on machines that can fetch Prisma's
// native engine, the stock `prisma migrate` commands). The app itself migrates through
// scripts/db/ (WASM schema engine), see docs/decisions/0003-migrations-offline.md.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/portal.db' },
});
