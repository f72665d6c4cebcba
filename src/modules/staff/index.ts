import type { Database } from '../../platform/db/database.js';
import { createRolesService, syncBuiltInRoles } from './roles.service.js';
import { staffPrincipals } from './staff.credentials.js';
import { staffRoutes } from './staff.routes.js';
import { createStaffService } from './staff.service.js';

export { syncBuiltInRoles, staffPrincipals };
export { PERMISSIONS, BUILT_IN_ROLES } from './domain/permissions.js';

export function createStaffModule(database: Database) {
  const staff = createStaffService(database);
  const roles = createRolesService(database);
  return { staff, roles, routes: staffRoutes({ staff, roles }) };
}
