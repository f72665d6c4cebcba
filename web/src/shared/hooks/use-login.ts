import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/auth';
import { errorMessage } from '../api/error-message';
import type { Realm } from '../api/types';
import { applyFormErrors, type FieldsForm } from '../forms/form-errors';
import { useSession } from './use-session';

/** The login form's submit for either app: field errors onto the form, anything else as one sentence. */
export function useLogin(realm: Realm, form: FieldsForm, onSignedIn: () => void) {
  const { t } = useTranslation();
  const session = useSession();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ login, password }: { login: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      session.signedIn(await authApi.login(realm, login.trim(), password));
      onSignedIn();
    } catch (err) {
      if (!applyFormErrors(form, err)) setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };
  return { submit, error, busy };
}
