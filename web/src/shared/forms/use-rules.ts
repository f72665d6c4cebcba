import { useTranslation } from 'react-i18next';
import { BANK_ACCOUNT, isValidPassword, PHONE, TAX_NO, USERNAME } from './rules';

/** The rule shape antd and antd-mobile forms share (both are rc-field-form underneath). */
export interface FieldRule {
  required?: boolean;
  whitespace?: boolean;
  type?: 'email';
  pattern?: RegExp;
  message?: string;
  validator?: (rule: unknown, value: string | undefined) => Promise<void>;
}

/** Validation rules with translated messages, for both apps' forms. */
export function useRules() {
  const { t } = useTranslation();
  const pattern = (re: RegExp, key: string): FieldRule => ({ pattern: re, message: t(`common:validation.${key}`) });
  return {
    /** `fieldKey` is the translation key of the field's label */
    required: (fieldKey: string): FieldRule => ({ required: true, whitespace: true, message: t('common:validation.required', { field: t(fieldKey) }) }),
    password: (required = true): FieldRule[] => [
      ...(required ? [{ required: true, message: t('common:validation.required', { field: t('common:field.password') }) }] : []),
      { validator: async (_, v) => { if (v && !isValidPassword(v)) throw new Error(t('common:validation.passwordRule')); } },
    ],
    email: { type: 'email', message: t('common:validation.email') } as FieldRule,
    phone: pattern(PHONE, 'phone'),
    username: pattern(USERNAME, 'username'),
    taxNo: pattern(TAX_NO, 'taxNo'),
    bankAccount: pattern(BANK_ACCOUNT, 'bankAccount'),
    code: pattern(/^[0-9]{6}$/, 'code'),
  };
}
