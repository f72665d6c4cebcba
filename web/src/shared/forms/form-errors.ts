import { isApiError } from '../api/api-error';

/** The part of a form instance we need; antd and antd-mobile forms are both rc-field-form underneath. */
export interface FieldsForm {
  getFieldsError: () => { name: (string | number)[]; errors: string[] }[];
  /** typed loosely: each UI kit types field names from its form's values */
  setFields: (fields: never[]) => void;
}

/**
 * Puts each `errors[].path` of a validation problem onto the form field of the same name.
 * Returns true when at least one error found its field; otherwise the caller shows a message.
 */
export function applyFormErrors(form: FieldsForm, err: unknown): boolean {
  if (!isApiError(err) || err.errors.length === 0) return false;
  const fields = new Map(form.getFieldsError().map((f) => [f.name.join('.'), f.name]));
  const matched = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const e of err.errors) {
    const path = e.path.replace(/^body\./, '').replace(/\[(\d+)\]/g, '.$1');
    const name = fields.get(path);
    if (!name) continue;
    const entry = matched.get(path) ?? { name, errors: [] };
    entry.errors.push(e.message);
    matched.set(path, entry);
  }
  form.setFields([...matched.values()] as never[]);
  return matched.size > 0;
}
