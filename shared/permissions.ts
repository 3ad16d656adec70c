/**
 * Who may call what. Every contract channel names the permission it needs (the type makes a new
 * channel without one a compile error); every role holds a set of permissions. The backend checks
 * this on every call — hiding a button is a courtesy, this is the rule.
 */
import type { Channel } from './contract';
import type { Role } from './schemas/accounts';

export const permissions = [
  /** No account needed: what the sign-in and first-start screens use. */
  'public',
  /** Any signed-in user: look at stock, documents, the catalog. */
  'read',
  /** Receive, dispatch, transfer, adjust; drafts; back up to a USB stick. */
  'post',
  /** Change the catalog and master data. */
  'catalog',
  /** What needs a supervisor: posting write-offs and reversals directly, deciding approval requests. */
  'approve',
  /** Print and export reports. */
  'export',
  /** The activity log. */
  'audit',
  /** Accounts, depot settings, restore, ledger maintenance. */
  'admin',
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ['public', 'read', 'post', 'catalog', 'approve', 'export', 'audit', 'admin'],
  supervisor: ['public', 'read', 'post', 'catalog', 'approve', 'export'],
  keeper: ['public', 'read', 'post', 'catalog'],
  auditor: ['public', 'read', 'export', 'audit'],
};

export function roleMay(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

export const channelPermissions: Readonly<Record<Channel, Permission>> = {
  'app:get-info': 'public',
  'auth:status': 'public',
  'auth:setup-admin': 'public',
  'auth:sign-in': 'public',
  'auth:sign-out': 'public',
  'auth:unlock': 'public',
  'auth:lock': 'read',
  'auth:change-password': 'read',
  'users:list': 'admin',
  'users:save': 'admin',
  'users:reset-password': 'admin',
  'activity:list': 'audit',
  'activity:verify-chain': 'audit',
  // Public: the sign-in screen speaks the remembered language and names the depot.
  'settings:get': 'public',
  // Depot settings are the admin's; a user's own interface preferences are not (see settingsPatchPermission).
  'settings:update': 'admin',
  'catalog:list-items': 'read',
  'catalog:search-items': 'read',
  'catalog:get-item': 'read',
  'catalog:create-item': 'catalog',
  'catalog:update-item': 'catalog',
  'catalog:delete-item': 'catalog',
  'catalog:add-barcode': 'catalog',
  'catalog:remove-barcode': 'catalog',
  'catalog:lookup-barcode': 'read',
  'catalog:import-items': 'catalog',
  'catalog:list-categories': 'read',
  'catalog:save-category': 'catalog',
  'catalog:list-sources': 'read',
  'catalog:save-source': 'catalog',
  'catalog:list-parties': 'read',
  'catalog:save-party': 'catalog',
  'catalog:list-locations': 'read',
  'catalog:save-location': 'catalog',
  'stock:post-receipt': 'post',
  'stock:post-dispatch': 'post',
  'stock:post-transfer': 'post',
  'stock:post-adjustment': 'post',
  'stock:post-write-off': 'approve',
  'stock:reverse': 'approve',
  'stock:file-paperwork': 'post',
  // A keeper applies; only a supervisor (or admin) decides. Everyone sees what waits.
  'approvals:submit': 'post',
  'approvals:list': 'read',
  'approvals:approve': 'approve',
  'approvals:reject': 'approve',
  'stock:allocate': 'read',
  'stock:on-hand': 'read',
  'stock:inventory': 'read',
  'stock:as-of': 'read',
  'stock:card': 'read',
  'stock:expiring': 'read',
  'stock:aged': 'read',
  'stock:below-minimum': 'read',
  'stock:pending-paperwork': 'read',
  'dashboard:coverage': 'read',
  'dashboard:movements': 'read',
  'dashboard:expiry-timeline': 'read',
  'documents:list': 'read',
  'documents:get': 'read',
  'documents:find-by-number': 'read',
  'ledger:verify-chain': 'read',
  'ledger:rebuild-balances': 'admin',
  'backup:status': 'read',
  'backup:create': 'post',
  // Any signed-in user's start triggers the day's backup.
  'backup:ensure-daily': 'read',
  'backup:inspect': 'read',
  'backup:restore': 'admin',
  'drafts:save': 'post',
  'drafts:list': 'read',
  'drafts:delete': 'post',
  'catalog:get-label-data': 'read',
  'catalog:assign-internal-code': 'catalog',
  'scan:resolve': 'read',
  // Every signed-in user prints (keepers print slips, auditors print reports); each print is logged.
  'print:record': 'read',
  'print:history': 'read',
  'incidents:current': 'read',
  'incidents:list': 'read',
  // Declaring and closing an incident changes how every dispatch is posted: a keeper on night duty may.
  'incidents:declare': 'post',
  'incidents:close': 'post',
  'incidents:report': 'read',
  'kits:list': 'read',
  'kits:save': 'catalog',
  'stock:recent-receiving-units': 'read',
  'stocktake:list': 'read',
  'stocktake:get': 'read',
  'stocktake:report': 'read',
  'stocktake:start': 'post',
  'stocktake:count': 'post',
  'stocktake:recount': 'post',
  'stocktake:set-reason': 'post',
  'stocktake:cancel': 'post',
  'stocktake:approve': 'approve',
  // Exports are logged (who took which data away); polling their progress is not.
  'exports:start': 'export',
  'exports:progress': 'export',
  'exports:cancel': 'export',
  // Printing a report takes the same data away as exporting it.
  'exports:report-table': 'export',
  'exports:audit-summary': 'export',
};

/** Settings every user may change in passing (the language, the printer the preview remembers); any other key needs `admin`. */
export const personalSettingKeys: readonly string[] = ['language', 'printDefaults'];

/** The permission a call needs, looking into settings patches. */
export function permissionFor(channel: Channel, input: unknown): Permission {
  if (channel === 'settings:update' && input !== null && typeof input === 'object') {
    const keys = Object.keys(input);
    if (keys.length > 0 && keys.every((k) => personalSettingKeys.includes(k))) return 'read';
  }
  return channelPermissions[channel];
}

/** Permissions whose calls change records: each such call is written to the activity log. */
const loggedPermissions: readonly Permission[] = ['post', 'catalog', 'approve', 'export', 'admin'];

/**
 * Channels whose every call goes into the activity log. Drafts are work in progress, saved as the
 * keeper types, not records; sign-ins and the day's backup are logged by their services when they act.
 */
export function isLoggedChannel(channel: Channel): boolean {
  return (
    loggedPermissions.includes(channelPermissions[channel]) &&
    !channel.startsWith('drafts:') &&
    !unloggedReads.has(channel)
  );
}

/** Reads that need a high permission but change nothing. */
const unloggedReads: ReadonlySet<Channel> = new Set<Channel>([
  'users:list',
  'exports:progress',
  // Read by the print views each time they draw (preview, printer, PDF): the export or print is the record.
  'exports:report-table',
  'exports:audit-summary',
]);
