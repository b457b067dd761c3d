// Keeps the ui store's route in step with the address bar (back/forward, reload, typed URLs).
import { useEffect } from 'react';
import { syncRouteFromLocation } from '../stores/ui-store';

export function useHashRoute(): void {
  useEffect(() => {
    syncRouteFromLocation();
    window.addEventListener('hashchange', syncRouteFromLocation);
    return () => window.removeEventListener('hashchange', syncRouteFromLocation);
  }, []);
}
