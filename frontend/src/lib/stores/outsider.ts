/** isOutsider: an email address (not a numeric id) of another domain than the organisation's. */
export function isOutsider(value: string, domain: string): boolean {
  const at = value.lastIndexOf('@');
  return at >= 0 && domain !== '' && value.slice(at + 1).toLowerCase() !== domain.toLowerCase();
}
