import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../shared/api/client';
import type { FieldsForm } from '../../shared/forms/form-errors';
import { useCursorList } from '../../shared/hooks/use-cursor-list';
import { useAction } from './use-action';

/**
 * The add/edit page of one item of a mall list (`/me/addresses/new`, `/me/addresses/:id`):
 * finds the item in the list, saves with POST or PATCH, then goes back to the list.
 */
export function useItemForm<T extends { id: string }, B extends object>(path: string, back: string, form: FieldsForm) {
  const { id } = useParams();
  const navigate = useNavigate();
  const list = useCursorList<T>(path);
  const item = id ? list.items.find((i) => i.id === id) : undefined;
  const save = useAction((body: B) => (item ? api.patch(`${path}/${item.id}`, body) : api.post(path, body)), {
    invalidate: [[path], ['/mall/account']],
    form,
    onSuccess: () => navigate(back, { replace: true }),
  });
  return { isNew: !id, item, loading: Boolean(id) && list.isLoading, missing: Boolean(id) && !list.isLoading && !item, save };
}
