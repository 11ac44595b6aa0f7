/** Small line icons (16 px, currentColor), drawn here so the app needs no icon font or download. */
const PATHS = {
  undo: 'M4 7h6.5a3.5 3.5 0 0 1 0 7H8M4 7l3-3M4 7l3 3',
  redo: 'M12 7H5.5a3.5 3.5 0 0 0 0 7H8M12 7 9 4M12 7l-3 3',
  layout: 'M2 3h4v4H2zM10 2h4v4h-4zM10 10h4v4h-4zM6 5h2v7h2M8 4h2',
  new: 'M4 2h5l3 3v9H4zM9 2v3h3M8 8v4M6 10h4',
  open: 'M2 4h4l1.5 1.5H14V13H2zM2 7h12',
  save: 'M3 2h8l2 2v10H3zM5 2v4h5V2M5 14v-4h6v4',
  presets: 'M2 2h5v5H2zM9 2h5v5H9zM2 9h5v5H2zM9 9h5v5H9z',
  import: 'M8 2v8M5 7l3 3 3-3M3 12v2h10v-2',
  export: 'M8 10V2M5 5l3-3 3 3M3 12v2h10v-2',
  share: 'M6.5 9.5 9.5 6.5M7 4.5l1.5-1.5a2.5 2.5 0 0 1 3.5 3.5L10.5 8M9 11.5 7.5 13A2.5 2.5 0 0 1 4 9.5L5.5 8',
  sun: 'M8 5a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6 13 13M3 13l1.4-1.4M11.6 4.4 13 3',
  moon: 'M13 10A5.5 5.5 0 0 1 6 3a5.5 5.5 0 1 0 7 7z',
  contrast: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2zM8 2v12',
  panel: 'M2 3h12v10H2zM10 3v10',
  layers: 'M8 2 14 5 8 8 2 5zM2 8l6 3 6-3M2 11l6 3 6-3',
  close: 'M4 4l8 8M12 4l-8 8',
  copy: 'M5 5h8v9H5zM3 11V2h7',
  download: 'M8 2v8M5 7l3 3 3-3M3 12v2h10v-2',
  chevronUp: 'M4 10l4-4 4 4',
  chevronDown: 'M4 6l4 4 4-4',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
