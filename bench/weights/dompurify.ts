/** Reference: DOMPurify, which our cards load lazily to sanitize an expanded description. */
import DOMPurify from 'dompurify';

export function sanitize(html: string): string {
  return DOMPurify.sanitize(html);
}
