import { useState } from 'react';

/** Which row a dialog edits: closed, creating (null) or editing a row. */
export function useModalState<T>() {
  const [state, setState] = useState<{ open: boolean; row: T | null }>({ open: false, row: null });
  return {
    open: state.open,
    row: state.row,
    create: () => setState({ open: true, row: null }),
    edit: (row: T) => setState({ open: true, row }),
    close: () => setState({ open: false, row: null }),
  };
}
