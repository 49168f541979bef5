/**
 * Ids from titles (`Replacement of OpenVPN with Wireguard` → `replacement-of-openvpn-with-wireguard`), on
 * their own so that building hackathons from cached recaps does not load the recap parser.
 */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug || 'topic';
  // Cut at a word boundary so ids stay readable in logs and URLs.
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > max / 2 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/, '');
}
