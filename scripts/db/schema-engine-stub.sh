#!/bin/sh
# Stand-in for Prisma native schema engine: `prisma generate` only checks it exists.
echo "schema engine stub: use npm run db:migration (WASM engine) instead" >&2
exit 1
