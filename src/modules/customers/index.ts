import type { Database } from '../../platform/db/database.js';
import { customerAdminRoutes } from './customers.routes.js';
import { createCustomersService } from './customers.service.js';
import { mallAccountRoutes } from './mall.routes.js';
import { memberPrincipals } from './members.credentials.js';
import { publicRoutes } from './public.routes.js';
import { createReferenceService } from './reference.service.js';
import { createRegistrationService } from './registration.service.js';

export { memberPrincipals };
export { customersInScope, customerIdInScope } from './customer-scope.js';
export { unknownRegionIds } from './customers.repository.js';

export function createCustomersModule(database: Database, opts: { loginRateLimitPerMinute: number }) {
  const customers = createCustomersService(database);
  const reference = createReferenceService(database);
  const registration = createRegistrationService(database);
  return {
    customers, reference, registration,
    adminRoutes: customerAdminRoutes({ database, customers, reference }),
    mallRoutes: mallAccountRoutes({ database }),
    publicRoutes: publicRoutes({ database, reference, registration, loginRateLimitPerMinute: opts.loginRateLimitPerMinute }),
  };
}
