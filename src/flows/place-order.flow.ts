/**
 * Placing an order, from the mall (the member's cart → checkout) or from the console (代客下单, staff for a customer).
 * One transaction each: the idempotency key, the re-check of every line (shelf, visibility, minimum, multiple, price),
 * the order and the emptied cart commit together or not at all.
 */
import { and, eq } from 'drizzle-orm';
import type { Ctx, MemberActor, Operator } from '../platform/auth/actor.js';
import type { Database, Tx } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors/app-error.js';
import { oncePerKey } from '../platform/http/idempotency.js';
import { cartLines } from '../modules/cart/cart.tables.js';
import { priceCart, shippingRegion, toCartView } from '../modules/cart/cart-view.js';
import { loadBuyer, loadSellables, priceLine } from '../modules/cart/sellables.js';
import { customerAddresses, customers, invoiceProfiles } from '../modules/customers/customers.tables.js';
import { customersInScope } from '../modules/customers/customer-scope.js';
import { createOrderTx, preallocateOrderNo } from '../modules/orders/order-create.js';
import { loadPricingContext, totalsLine, totalsOf } from '../modules/orders/order-pricing.js';
import { findOrder, orderDetail } from '../modules/orders/orders.service.js';
import type { AddressSnapshot, InvoiceSnapshot } from '../modules/orders/orders.tables.js';
import { assertCheckoutMethod, checkoutMethods, type CheckoutMethod } from '../modules/payments/index.js';

export interface CheckoutInput { addressId: string; requestedDate?: string; remark?: string; invoiceProfileId?: string | null; paymentMethod: CheckoutMethod; expectedTotalFen: number }
export interface StaffOrderInput { customerId: string; addressId: string; lines: { skuUnitId: string; qty: number; unitPriceFen?: number }[]; requestedDate?: string; remark?: string; invoiceProfileId?: string | null; paymentMethod: CheckoutMethod }

async function addressOf(tx: Tx, tenantId: string, customerId: string, addressId: string): Promise<AddressSnapshot> {
  const [a] = await tx.select().from(customerAddresses)
    .where(and(eq(customerAddresses.tenantId, tenantId), eq(customerAddresses.customerId, customerId), eq(customerAddresses.id, addressId)));
  if (!a) throw notFound('address');
  return { receiver: a.receiver, phone: a.phone, regionId: a.regionId, regionText: a.regionText, detail: a.detail };
}

async function invoiceOf(tx: Tx, tenantId: string, customerId: string, profileId: string | null | undefined): Promise<InvoiceSnapshot | null> {
  if (!profileId) return null;
  const [p] = await tx.select().from(invoiceProfiles)
    .where(and(eq(invoiceProfiles.tenantId, tenantId), eq(invoiceProfiles.customerId, customerId), eq(invoiceProfiles.id, profileId)));
  if (!p) throw notFound('invoice profile');
  return { kind: p.kind, title: p.title, taxNo: p.taxNo, bankName: p.bankName, bankAccount: p.bankAccount, address: p.address, phone: p.phone };
}

const needsApproval = (actor: MemberActor, orderApproval: boolean) => orderApproval && actor.memberRole === 'buyer' && !actor.isAdmin;

/** `onlineGateways`: the online methods this server can take (a tenant may offer one whose gateway is not configured here). */
export function createPlaceOrderFlow(database: Database, opts: { onlineGateways?: () => readonly string[] } = {}) {
  const onlineNow = () => opts.onlineGateways?.() ?? [];
  return {
    /** What the checkout page shows: the cart priced for the chosen address, payment methods, whether approval is needed. */
    preview: (ctx: Ctx<MemberActor>, addressId?: string) => database.tx(ctx.tenantId, async (tx) => {
      const cart = await priceCart(tx, ctx.tenantId, ctx.actor.id, ctx.actor.customerId);
      return {
        cart: toCartView(cart, await shippingRegion(tx, ctx.tenantId, ctx.actor.customerId, addressId)),
        // The methods enabled for this customer (tenant setting ∩ the customer's own; credit only with a limit).
        paymentMethods: await checkoutMethods(tx, ctx.tenantId, ctx.actor.customerId, onlineNow()), needsApproval: needsApproval(ctx.actor, cart.buyer.orderApproval),
      };
    }),

    checkout: async (ctx: Ctx<MemberActor>, key: string, input: CheckoutInput) => {
      const orderNo = await preallocateOrderNo(database, ctx.tenantId);
      return database.tx(ctx.tenantId, (tx) => oncePerKey(tx, ctx.tenantId, { actor: ctx.actor, operation: 'checkout', key, body: input }, async () => {
        const { tenantId, actor } = ctx;
        const cart = await priceCart(tx, tenantId, actor.id, actor.customerId);
        if (!cart.lines.length) throw new AppError('cart_empty', { message: 'the cart is empty' });
        // Cart lines are not part of the request, so their problems travel in the `lines` extension member, not `errors`.
        // Stock is decided by the reservation below, under row locks (409 out_of_stock); what the cart saw may be stale.
        const lines = cart.lines.flatMap((l) => l.priced.problems.filter((p) => p.blocking && p.code !== 'out_of_stock')
          .map((p) => ({ lineId: l.id, skuCode: l.priced.sellable.skuCode, unitName: l.priced.sellable.unitName, code: p.code, message: p.message })));
        if (lines.length) throw new AppError('cart_invalid', { message: 'some cart lines cannot be ordered; fix them first', details: { lines } });
        const address = await addressOf(tx, tenantId, actor.customerId, input.addressId);
        const invoice = await invoiceOf(tx, tenantId, actor.customerId, input.invoiceProfileId);
        const totals = totalsOf(cart.ctx, cart.lines.map((l) => totalsLine(cart.ctx, l.id, l.priced)), address.regionId);
        if (totals.totalFen !== input.expectedTotalFen) {
          const changes = cart.lines.filter((l) => l.seenPriceFen !== l.priced.price.unitPriceFen).map((l) => ({
            lineId: l.id, productName: l.priced.sellable.productName, unitName: l.priced.sellable.unitName, oldPriceFen: l.seenPriceFen, newPriceFen: l.priced.price.unitPriceFen,
          }));
          throw new AppError('cart_prices_changed', { message: `the total is now ${totals.totalFen} fen, not ${input.expectedTotalFen}; please confirm`, details: { changes, totalFen: totals.totalFen } });
        }
        await assertCheckoutMethod(tx, tenantId, actor.customerId, input.paymentMethod, totals.totalFen, onlineNow());
        const id = await createOrderTx(tx, tenantId, {
          buyer: cart.buyer, ctx: cart.ctx, actor, source: 'mall', lines: cart.lines.map((l) => ({ priced: l.priced, overridden: false })),
          address, requestedDate: input.requestedDate ?? null, remark: input.remark || null, invoice, paymentMethod: input.paymentMethod,
          memberApproval: needsApproval(actor, cart.buyer.orderApproval), orderNo,
        });
        await tx.delete(cartLines).where(and(eq(cartLines.tenantId, tenantId), eq(cartLines.memberId, actor.id)));
        return { status: 201, body: await orderDetail(tx, tenantId, actor, await findOrder(tx, tenantId, actor, id)) };
      }));
    },

    /** 代客下单: staff place an order for a customer in their scope, optionally at prices they set. */
    staffCreate: async (ctx: Ctx<Operator>, key: string, input: StaffOrderInput) => {
      const orderNo = await preallocateOrderNo(database, ctx.tenantId);
      return database.tx(ctx.tenantId, (tx) => oncePerKey(tx, ctx.tenantId, { actor: ctx.actor, operation: 'staff-order', key, body: input }, async () => {
        const { tenantId, actor } = ctx;
        const [c] = await tx.select({ id: customers.id, status: customers.status }).from(customers)
          .where(and(eq(customers.tenantId, tenantId), eq(customers.id, input.customerId), customersInScope(actor)));
        if (!c) throw notFound('customer');
        if (c.status !== 'active') throw new AppError('invalid_state', { message: 'the customer is not active' });
        const buyer = await loadBuyer(tx, tenantId, c.id);
        const pctx = await loadPricingContext(tx, tenantId);
        const sellables = await loadSellables(tx, tenantId, input.lines.map((l) => l.skuUnitId), buyer);
        const now = new Date();
        const errors: { path: string; message: string }[] = [];
        const lines = input.lines.map((l, i) => {
          const s = sellables.get(l.skuUnitId);
          if (!s) { errors.push({ path: `body.lines.${i}.skuUnitId`, message: 'no such SKU unit' }); return null!; }
          const priced = priceLine(s, l.qty, buyer, now, l.unitPriceFen);
          for (const p of priced.problems.filter((x) => x.blocking)) errors.push({ path: `body.lines.${i}`, message: `${s.skuCode} ${s.unitName}: ${p.message}` });
          return { priced, overridden: l.unitPriceFen !== undefined };
        });
        if (errors.length) throw new AppError('cart_invalid', { message: 'some lines cannot be ordered', errors });
        const address = await addressOf(tx, tenantId, c.id, input.addressId);
        await assertCheckoutMethod(tx, tenantId, c.id, input.paymentMethod, totalsOf(pctx, lines.map((l, i) => totalsLine(pctx, String(i), l.priced)), address.regionId).totalFen, onlineNow());
        const id = await createOrderTx(tx, tenantId, {
          buyer, ctx: pctx, actor, source: 'staff', lines, address, requestedDate: input.requestedDate ?? null, remark: input.remark || null,
          invoice: await invoiceOf(tx, tenantId, c.id, input.invoiceProfileId), paymentMethod: input.paymentMethod, memberApproval: false, orderNo,
        });
        return { status: 201, body: await orderDetail(tx, tenantId, actor, await findOrder(tx, tenantId, actor, id)) };
      }));
    },
  };
}

export type PlaceOrderFlow = ReturnType<typeof createPlaceOrderFlow>;
