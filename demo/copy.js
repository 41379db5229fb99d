// "Copier le code" on the demo pages: the clipboard when it agrees, else the code selected for Ctrl+C, and a
// message either way (a clipboard refuses on an insecure page, without permission or in an old browser).

/**
 * @param {HTMLElement} code the element holding the code (a textarea, or any element with text)
 * @param {HTMLElement} status a `role="status"` element that says what happened
 */
export async function copyCode(code, status) {
  const text = code instanceof HTMLTextAreaElement ? code.value : (code.textContent ?? '');
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Code copié.';
  } catch {
    if (code instanceof HTMLTextAreaElement) {
      code.focus();
      code.select();
    } else {
      getSelection()?.selectAllChildren(code);
    }
    status.textContent =
      'La copie automatique est refusée : le code est sélectionné, copiez-le avec Ctrl+C (⌘+C).';
  }
}
