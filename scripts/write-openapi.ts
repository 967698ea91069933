/** `npm run openapi`: writes the admin API's OpenAPI document to docs/openapi.json (checked in). */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { adminOpenApi } from '../server/http/admin/admin-api.ts';

const file = path.resolve(import.meta.dirname, '../docs/openapi.json');
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, JSON.stringify(adminOpenApi(), null, 2) + '\n');
console.log(`wrote ${path.relative(process.cwd(), file)}`);
