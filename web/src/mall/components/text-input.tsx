import { Input, type InputProps, type InputRef, TextArea, type TextAreaProps, type TextAreaRef } from 'antd-mobile';
import { useCallback } from 'react';

/**
 * antd-mobile puts data-* attributes on a wrapper div; browser tests need them on the <input> itself
 * to type into it, so the test id is set on the native element.
 */
export function TextInput({ testId, ...props }: InputProps & { testId?: string }) {
  const ref = useCallback((r: InputRef | null) => {
    if (testId) r?.nativeElement?.setAttribute('data-testid', testId);
  }, [testId]);
  return <Input ref={ref} clearable {...props} />;
}

export function TextAreaInput({ testId, ...props }: TextAreaProps & { testId?: string }) {
  const ref = useCallback((r: TextAreaRef | null) => {
    if (testId) r?.nativeElement?.setAttribute('data-testid', testId);
  }, [testId]);
  return <TextArea ref={ref} autoSize={{ minRows: 2, maxRows: 4 }} {...props} />;
}
