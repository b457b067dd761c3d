// The window title carries the number of waiting gates, so it shows in the taskbar and tabs.
import { useEffect } from 'react';
import { selectWaitingCount, useDeskStore } from '../stores/desk-store';

export function useDocumentTitle(): void {
  const count = useDeskStore(selectWaitingCount);
  useEffect(() => {
    document.title = count > 0 ? `(${count}) Greenlight` : 'Greenlight';
  }, [count]);
}
