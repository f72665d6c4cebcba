import { Dialog } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaInput, TextInput } from './text-input';

interface Props {
  visible: boolean;
  title: string;
  placeholder?: string;
  /** confirm stays disabled while the text is empty */
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  confirmText?: string;
  /** The label of the button that closes without doing anything (default 取消; 再想想 when the action itself is a cancel). */
  closeText?: string;
  busy?: boolean;
  testId: string;
  onConfirm: (text: string) => void;
  onClose: () => void;
}

/** Asks for one piece of text: a list name, a reason for cancelling or rejecting. */
export function PromptDialog({ visible, title, placeholder, required, multiline, maxLength = 200, confirmText, closeText, busy, testId, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  useEffect(() => { if (visible) setText(''); }, [visible]);
  const empty = text.trim() === '';
  const Field = multiline ? TextAreaInput : TextInput;
  return (
    <Dialog
      visible={visible}
      title={title}
      onClose={onClose}
      content={<div className="dh-prompt"><Field testId={`${testId}-input`} value={text} onChange={setText} placeholder={placeholder} maxLength={maxLength} /></div>}
      actions={[[
        { key: 'cancel', text: closeText ?? t('common:action.cancel'), onClick: onClose },
        {
          key: 'confirm',
          text: <span data-testid={`${testId}-confirm`}>{confirmText ?? t('common:action.confirm')}</span>,
          bold: true,
          disabled: (required && empty) || busy,
          onClick: () => onConfirm(text.trim()),
        },
      ]]}
    />
  );
}
