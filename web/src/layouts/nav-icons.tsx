/** Small inline icons: a few hundred bytes each, no icon font to download on a slow phone. */
const paths = {
  report:
    'M12 2a1 1 0 0 1 1 1v1.07A7 7 0 0 1 19 11v4.59l1.7 1.7A1 1 0 0 1 20 19H4a1 1 0 0 1-.7-1.7L5 15.58V11a7 7 0 0 1 6-6.93V3a1 1 0 0 1 1-1zm-2 18h4a2 2 0 0 1-4 0zm1-12v3H8v2h3v3h2v-3h3v-2h-3V8z',
  list: 'M4 5h2v2H4zm4 0h12v2H8zM4 11h2v2H4zm4 0h12v2H8zm-4 6h2v2H4zm4 0h12v2H8z',
  trophy:
    'M7 3h10v2h3a1 1 0 0 1 1 1v2a5 5 0 0 1-4.4 4.96A5 5 0 0 1 13 15.9V18h3v2H8v-2h3v-2.1a5 5 0 0 1-3.6-2.94A5 5 0 0 1 3 8V6a1 1 0 0 1 1-1h3zm10 4v3.83A3 3 0 0 0 19 8V7zM5 7v1a3 3 0 0 0 2 2.83V7z',
  flag: 'M5 2h2v1h11.5l-2.5 5 2.5 5H7v9H5zm2 3v6h8.3l-1.5-3 1.5-3z',
  star: 'm12 2.5 2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z',
  shield: 'M16 2 4 7v8c0 7.2 5.1 13.3 12 15 6.9-1.7 12-7.8 12-15V7z',
} as const;

export type IconName = keyof typeof paths;

export function NavIcon({ name }: { name: Exclude<IconName, 'shield'> }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d={paths[name]} />
    </svg>
  );
}

export function BrandMark() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path fill="#fff" d={paths.shield} />
      <path fill="#0b3d91" d="m16 8 2.2 4.6 5 .6-3.7 3.4 1 5-4.5-2.5-4.5 2.5 1-5-3.7-3.4 5-.6z" />
    </svg>
  );
}
