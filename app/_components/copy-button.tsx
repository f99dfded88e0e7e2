'use client';
/**
 * Copies a value to the clipboard and says so in a live region. Where the clipboard is not available (an insecure
 * origin, a refused permission), it says that instead, so the user knows to select and copy by hand.
 */
import { useState } from 'react';

export function CopyButton({
  value,
  label,
  copiedText,
  failedText,
}: {
  value: string;
  label: string;
  copiedText: string;
  failedText: string;
}) {
  const [result, setResult] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setResult('copied');
    } catch (error) {
      // Clipboard refusals are DOMExceptions (NotAllowedError) or a missing API (TypeError); anything else is a bug.
      if (!(error instanceof DOMException || error instanceof TypeError)) throw error;
      setResult('failed');
    }
  }
  return (
    <span className="copy-button">
      <button type="button" className="secondary" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="muted">
        {result === 'copied' ? copiedText : result === 'failed' ? failedText : ''}
      </span>
    </span>
  );
}
