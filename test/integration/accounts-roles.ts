/** The permission table and roles, re-exported for the accounts test's role × channel sweep. */
export { channelPermissions, roleMay } from '../../shared/permissions';
export { roles } from '../../shared/schemas/accounts';
