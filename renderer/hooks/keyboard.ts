// Shared rules for single-key shortcuts: never while the user types, never with modifiers
// (those belong to the browser and the OS), and Enter only where nothing native handles it.

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
  }
  return target.getAttribute('role') === 'textbox';
}

/** A plain key press meant for the app. */
export function isShortcutEvent(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return false;
  return !isTypingTarget(e.target);
}

/** Enter on a link, button or summary activates it natively; the list handles Enter elsewhere. */
export function isNativeActivation(target: EventTarget | null): boolean {
  if (!target || !(target instanceof HTMLElement)) return false;
  return !!target.closest('a[href], button, summary, [role="button"], [role="tab"]');
}
