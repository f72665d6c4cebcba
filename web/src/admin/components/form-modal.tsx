import { type ButtonProps, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<V> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  saving?: boolean;
  readOnly?: boolean;
  width?: number;
  /** Change it to re-mount the form with new initial values (e.g. once the record has loaded). */
  formKey?: string;
  onCancel: () => void;
  onSubmit: (values: V) => void;
  children: ReactNode;
  /** The confirm button's label (default 保存): a dialog whose action is not a save says what it does. */
  okText?: string;
}

/**
 * The form instance outlives each dialog, and a newly mounted Form merges its initialValues *under* what the store
 * still holds; so each mounted form starts from its own initial values, not the last dialog's.
 */
function StartFromInitialValues({ form }: { form: FormInstance }) {
  useLayoutEffect(() => {
    form.resetFields();
  }, [form]);
  return null;
}

/** Every create/edit dialog of the console: a vertical form whose OK button submits it. */
export function FormModal<V>({ open, title, form, initialValues, saving, readOnly, width, formKey, okText, onCancel, onSubmit, children }: Props<V>) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={okText ?? t('common:action.save')}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'modal-save', disabled: readOnly } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'modal-cancel' } as ButtonProps}
    >
      <Form<V> key={formKey} form={form} layout="vertical" initialValues={initialValues} onFinish={onSubmit} preserve={false} disabled={readOnly}>
        {children}
        <StartFromInitialValues form={form as FormInstance} />
      </Form>
    </Modal>
  );
}
