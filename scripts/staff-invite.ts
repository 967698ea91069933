/**
 * `npm run staff:invite [-- --role owner|staff]`: prints a one-time staff enrolment code for the
 * LINE bot (valid 24 hours, single use; only its hash is stored). Without --role the first code
 * is for the owner, later ones for staff. Uses the same configuration (DATA_DIR / DATABASE_URL)
 * as `npm start`.
 */
import { loadConfigOrExit } from '../server/config/config.ts';
import { openDatabase } from '../server/data/database.ts';
import { systemClock } from '../server/services/ports.ts';
import { createStaffInvitation, STAFF_ROLES, type StaffRole } from '../server/services/staff-enrolment.ts';
import { formatDateTime } from '../server/domain/dates.ts';

function parseRole(args: string[]): StaffRole | undefined {
  const i = args.indexOf('--role');
  const value = i >= 0 ? args[i + 1] : args.includes('--owner') ? 'owner' : args.includes('--staff') ? 'staff' : undefined;
  if (value === undefined) return undefined;
  if (!(STAFF_ROLES as readonly string[]).includes(value)) {
    console.error(`--role must be one of: ${STAFF_ROLES.join(', ')}`);
    process.exit(2);
  }
  return value as StaffRole;
}

/**
 * The server applies migrations when it starts, and usually runs while this script is used:
 * applying them again from here would wait on its connection. Only a database that has never
 * been set up (no staff tables yet) is migrated by the script.
 */
async function openReadyDatabase(databaseUrl: string) {
  const db = await openDatabase({ databaseUrl, migrate: false });
  try {
    await db.staffInvitation.count();
    return db;
  } catch {
    await db.$disconnect();
    return openDatabase({ databaseUrl });
  }
}

async function main(): Promise<void> {
  const role = parseRole(process.argv.slice(2));
  const config = loadConfigOrExit();
  const db = await openReadyDatabase(config.databaseUrl);
  try {
    const invitation = await createStaffInvitation({ db, clock: systemClock }, { role, createdBy: 'staff:invite script' });
    console.log(
      [
        '',
        `  Staff enrolment code (${invitation.role}): ${invitation.code}`,
        `  Valid until ${formatDateTime(invitation.expiresAt, 'en')} (Bangkok), once.`,
        '',
        `  EN: send "enrol ${invitation.code}" to the business's LINE Official Account.`,
        `  TH: พิมพ์ "ลงทะเบียน ${invitation.code}" ในแชท LINE Official Account ของร้าน`,
        '',
      ].join('\n'),
    );
  } finally {
    await db.$disconnect();
  }
}

await main();
