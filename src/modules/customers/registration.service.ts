import type { Database } from '../../platform/db/database.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { withUniqueFields } from '../../platform/db/db-errors.js';
import { nextSequence } from '../../platform/db/sequences.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/audit.js';
import { readSettings } from '../settings/settings.service.js';
import { customerCode } from './customers.service.js';
import type { RegisterInput } from './customers.schemas.js';
import { exists, lowestLevelId } from './customers.repository.js';
import { customerAddresses, customerContacts, customerMembers, customers, regions } from './customers.tables.js';
import { MEMBER_UNIQUE } from './members.service.js';

/** Self-registration from the mall: a pending customer (or active, with auto-approve) and its first, admin login. */
export function createRegistrationService(database: Database) {
  return {
    async register(tenantId: string, input: RegisterInput, ip?: string) {
      const passwordHash = await hashPassword(input.password);
      return database.tx(tenantId, async (tx) => {
        const { settings } = await readSettings(tx, tenantId);
        if (!settings.registrationOpen) throw new AppError('registration_closed', { message: 'registration is closed; contact the company' });
        if (input.regionId && !(await exists(tx, regions, tenantId, input.regionId))) {
          throw new AppError('validation_failed', { message: 'unknown region', errors: [{ path: 'body.regionId', message: 'unknown region' }] });
        }
        const status = settings.autoApproveRegistration ? 'active' : 'pending';
        const id = newId();
        const memberId = newId();
        await tx.insert(customers).values({
          tenantId, id, code: customerCode(await nextSequence(tx, tenantId, 'customer')), name: input.companyName, type: input.type,
          levelId: await lowestLevelId(tx, tenantId), regionId: input.regionId ?? null, status, contactName: input.contactName,
          phone: input.phone, email: input.email ?? null, source: 'registration',
        });
        await withUniqueFields(tx.insert(customerMembers).values({
          tenantId, id: memberId, customerId: id, name: input.contactName, username: input.username ?? null, phone: input.phone,
          email: input.email ?? null, passwordHash, memberRole: 'buyer', isAdmin: true,
        }), MEMBER_UNIQUE);
        await tx.insert(customerContacts).values({ tenantId, id: newId(), customerId: id, name: input.contactName, phone: input.phone, email: input.email ?? null, isPrimary: true });
        if (input.address) {
          await tx.insert(customerAddresses).values({
            tenantId, id: newId(), customerId: id, receiver: input.contactName, phone: input.phone, regionId: input.regionId ?? null,
            regionText: input.address.regionText, detail: input.address.detail, isDefault: true,
          });
        }
        await recordAudit(tx, { tenantId, actor: { kind: 'member', id: memberId, name: input.contactName } as never, ip }, {
          action: 'customer.register', entityType: 'customer', entityId: id, after: { name: input.companyName, type: input.type, status },
        });
        return { customerId: id, status: status as 'pending' | 'active' };
      });
    },
  };
}
