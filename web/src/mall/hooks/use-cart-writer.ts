import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { CART_KEY, type CartView, showCart } from '../api/cart';
import { useAction } from './use-action';

interface Options<V> {
  /** Shown at once while the request runs (e.g. the new quantity), so quick taps add up. */
  preview?: (cart: CartView, vars: V) => CartView;
  success?: string | false;
}

/**
 * Cart writes (change, remove, acknowledge) that each answer the whole cart. Quick taps send several;
 * only the answer to the latest one is shown, so an earlier, slower answer never rolls the screen back.
 * After a failure the cart is read again, dropping the preview.
 */
export function useCartWriter<V>(fn: (vars: V) => Promise<CartView>, { preview, success = false }: Options<V> = {}) {
  const qc = useQueryClient();
  const latest = useRef(0);
  const action = useAction(async (vars: V) => {
    const ticket = ++latest.current;
    try {
      const cart = await fn(vars);
      return { cart, current: ticket === latest.current };
    } catch (err) {
      void qc.invalidateQueries({ queryKey: CART_KEY });
      throw err;
    }
  }, {
    success,
    onSuccess: ({ cart, current }) => { if (current) showCart(qc, cart); },
  });
  return {
    isPending: action.isPending,
    run: (vars: V) => {
      const before = qc.getQueryData<CartView>(CART_KEY);
      if (preview && before) qc.setQueryData(CART_KEY, preview(before, vars));
      action.mutate(vars);
    },
  };
}
